using NoticeGen.Releases;

namespace NoticeGen.History;

/// <summary>Where a release stands on the build date.</summary>
public enum ReleaseStatus
{
    /// <summary>The latest release whose effective date is not after the build date.</summary>
    InForce,

    /// <summary>An older release, replaced by a later one.</summary>
    Archived,

    /// <summary>A release whose effective date is after the build date.</summary>
    Upcoming,
}

/// <summary>
/// Which release is in force on the build date, which are upcoming and which archived: pure data from the release dates
/// and the build date, so every output reads the same answer.
/// </summary>
public sealed class Timeline
{
    private readonly Dictionary<Release, int> _index;
    private readonly Dictionary<DateOnly, Release> _byDate;

    public Timeline(IReadOnlyList<Release> releases, DateOnly today)
    {
        Releases = releases;
        Today = today;
        _index = releases.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        _byDate = releases.ToDictionary(r => r.Effective);
        Current = releases.LastOrDefault(r => r.Effective <= today);
        Upcoming = releases.Where(r => r.Effective > today).ToList();
    }

    /// <summary>Every release, oldest first.</summary>
    public IReadOnlyList<Release> Releases { get; }

    public DateOnly Today { get; }

    /// <summary>The release in force on the build date; null when none is yet.</summary>
    public Release? Current { get; }

    public IReadOnlyList<Release> Upcoming { get; }

    /// <summary>The latest release, in force or upcoming: what the working draft would follow.</summary>
    public Release? Latest => Releases.Count == 0 ? null : Releases[^1];

    /// <summary>The release effective on exactly this date, if any.</summary>
    public Release? At(DateOnly effective) => _byDate.GetValueOrDefault(effective);

    public ReleaseStatus StatusOf(Release release) =>
        release == Current ? ReleaseStatus.InForce : release.Effective > Today ? ReleaseStatus.Upcoming : ReleaseStatus.Archived;

    public bool IsUpcoming(Release release) => release.Effective > Today;

    public Release? Next(Release release) => _index[release] + 1 < Releases.Count ? Releases[_index[release] + 1] : null;

    public Release? Previous(Release release) => _index[release] > 0 ? Releases[_index[release] - 1] : null;
}
