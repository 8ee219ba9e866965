using System.Globalization;

namespace NoticeGen.Load;

/// <summary>Dates as NoticeGen reads and writes them: ISO in files and URLs, "January 1, 2025" for readers, always invariant.</summary>
public static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Long(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>Reads YYYY-MM-DD only: ParseExact alone would also take "2026-1-1".</summary>
    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        var trimmed = text.Trim();
        return trimmed.Length == 10 && DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
