using System.Net;
using System.Text.RegularExpressions;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Serve;

/// <summary>
/// 'noticegen serve' end to end: the mini site with one release in force and its working text as a draft beside it,
/// served on a free port while the test edits fragments as an editor would.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private const string DraftPage = "web/draft/";

    private readonly TempSite _site = TempSite.FromFixture("mini");

    public ServeCommandTests()
    {
        var release = TestSupport.Cli.Run("release", "--site", _site.Dir, "--effective", "2026-01-01", "--summary", "First release");
        Assert.True(release.ExitCode == 0, release.Stderr);

        // The working text moves on after the release, so that the draft differs from the release in force.
        _site.Replace("content/contact.md", "Write to", "Please write to");
    }

    [Fact]
    public async Task An_edit_shows_in_the_served_draft_a_broken_fragment_shows_an_overlay_and_cancel_stops_it()
    {
        await using var serve = await RunningServe.StartAsync(_site);

        var (status, index) = await serve.GetAsync(string.Empty);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"{DraftPage}\"", index);
        Assert.Contains("href=\"web/changes/draft/\"", index);

        var (_, draft) = await serve.GetAsync(DraftPage);
        Assert.Contains("Please write to", draft);
        Assert.Contains("/__noticegen/reload.js", draft);
        Assert.DoesNotContain("ng-serve-overlay", draft);
        var (_, inForce) = await serve.GetAsync("web/");
        Assert.Contains("Write to", inForce);
        Assert.DoesNotContain("Please write to", inForce);

        _site.Replace("content/contact.md", "Please write to", "Kindly write to");
        await serve.WaitForPageAsync(DraftPage, p => p.Contains("Kindly write to"), "the edited contact section");
        Assert.DoesNotContain("Kindly", (await serve.GetAsync("web/")).Body);

        // A reference to a section that does not exist, on line 6 of the fragment.
        _site.Replace("content/ccpa.md", "[](#contact)", "[](#contcat)");
        var broken = await serve.WaitForPageAsync(DraftPage, p => p.Contains("ng-serve-overlay"), "the error overlay");
        Assert.Matches(@"content/ccpa\.md:6:\d+", broken[broken.IndexOf("ng-serve-overlay\"", StringComparison.Ordinal)..]);
        Assert.Contains("role=\"alert\"", broken);
        Assert.Contains("contcat", broken);
        Assert.Contains("Kindly write to", broken);
        Assert.Contains("content/ccpa.md:6:", serve.Output);

        _site.Replace("content/ccpa.md", "[](#contcat)", "[](#contact)");
        await serve.WaitForPageAsync(DraftPage, p => !p.Contains("ng-serve-overlay"), "the page without the overlay after the fix");

        Assert.Equal(0, await serve.StopAsync());
        Assert.EndsWith("Stopped.\n", serve.Output.ReplaceLineEndings("\n"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => serve.Http.GetAsync(serve.Url));
    }

    [Fact]
    public async Task The_event_stream_sends_the_build_id_and_then_the_next_one_after_an_edit()
    {
        await using var serve = await RunningServe.StartAsync(_site);
        var (_, page) = await serve.GetAsync(DraftPage);
        var pageBuild = Regex.Match(page, "data-build=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(pageBuild);

        using var response = await serve.Http.GetAsync(serve.Url + "__noticegen/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(RunningServe.Patience);
        Assert.Equal(pageBuild, await NextDataAsync(events, timeout.Token));

        _site.Replace("content/contact.md", "Please write to", "Kindly write to");
        var next = await NextDataAsync(events, timeout.Token);
        Assert.NotEqual(pageBuild, next);
        Assert.Contains("Kindly write to", (await serve.GetAsync(DraftPage)).Body);
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task Served_pages_carry_the_reload_script_but_the_files_built_by_build_do_not()
    {
        await using var serve = await RunningServe.StartAsync(_site);
        var (_, served) = await serve.GetAsync(DraftPage);
        Assert.Contains("/__noticegen/reload.js", served);
        var (status, script) = await serve.GetAsync("__noticegen/reload.js");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("EventSource", script);
        Assert.Equal(0, await serve.StopAsync());

        TestSupport.Cli.Build(_site, "--drafts");
        var files = TempSite.Snapshot(_site.Out);
        Assert.Contains(DraftPage + "index.html", files.Keys);
        Assert.DoesNotContain(files, f => System.Text.Encoding.UTF8.GetString(f.Value).Contains("__noticegen", StringComparison.Ordinal));

        // build --drafts shows the draft beside the release too, so its index links to the draft pages; a build without it does not.
        Assert.Contains($"href=\"{DraftPage}\"", _site.Read("_site/index.html"));
        TestSupport.Cli.Build(_site);
        Assert.DoesNotContain("/draft/", _site.Read("_site/index.html"));

        // Serve built under the cache folder, and removed its builds when it stopped.
        var previews = Path.Combine(_site.Dir, ".noticegen-cache", "serve");
        Assert.Empty(Directory.Exists(previews) ? Directory.EnumerateFileSystemEntries(previews) : []);
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_and_a_missing_page_is_a_404_that_still_reloads()
    {
        await using var serve = await RunningServe.StartAsync(_site);
        using (var response = await serve.Http.GetAsync(serve.Url + "web/draft"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/web/draft/", response.Headers.Location?.OriginalString);
        }

        var (status, missing) = await serve.GetAsync("web/nowhere/");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("/__noticegen/reload.js", missing);
        Assert.Equal(HttpStatusCode.NotFound, (await serve.GetAsync("..%2F..%2Fsite.yml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await serve.GetAsync(".noticegen-cache/")).Status);
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task When_the_first_build_fails_every_page_shows_the_errors_until_a_fix_builds()
    {
        _site.Replace("content/ccpa.md", "[](#contact)", "[](#contcat)");
        await using var serve = await RunningServe.StartAsync(_site, errorsOnly: true);
        Assert.Contains("The build failed with 1 error (nothing to serve until a build succeeds)", serve.Output);
        Assert.Contains("content/ccpa.md:6:", serve.Output);

        var (status, page) = await serve.GetAsync(DraftPage);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Nothing has built yet", page);
        Assert.Matches(@"content/ccpa\.md:6:\d+", page);
        Assert.Contains("/__noticegen/reload.js", page);

        _site.Replace("content/ccpa.md", "[](#contcat)", "[](#contact)");
        var fixedPage = await serve.WaitForPageAsync(DraftPage, p => p.Contains("Please write to"), "the draft page once the fix builds");
        Assert.DoesNotContain("ng-serve-overlay", fixedPage);
        Assert.Equal(HttpStatusCode.OK, (await serve.GetAsync(DraftPage)).Status);

        // --quiet: the address and the failure, no line for the builds that succeed nor for stopping.
        Assert.Equal(0, await serve.StopAsync());
        Assert.DoesNotContain("built", serve.Output);
        Assert.DoesNotContain("Stopped.", serve.Output);
    }

    [Fact]
    public async Task A_port_in_use_is_a_located_error_not_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = await Task.Run(() => TestSupport.Cli.Run("serve", "--site", _site.Dir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--port", result.Stderr);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    public void Dispose() => _site.Dispose();

    private static async Task<string> NextDataAsync(StreamReader events, CancellationToken cancel)
    {
        while (await events.ReadLineAsync(cancel) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }

        Assert.Fail("The event stream ended.");
        return string.Empty;
    }
}
