using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NoticeGen.Check.Reports;

/// <summary>
/// The ways `noticegen check` writes its findings: text (one line each, the compiler format), json (findings and external
/// links, for tools), sarif (SARIF 2.1.0, for code-scanning upload) and github (workflow commands that annotate a pull request).
/// </summary>
public static class ReportFormats
{
    public static readonly string[] Names = ["text", "json", "sarif", "github"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CheckReport report, string format) => format switch
    {
        "json" => JsonReport(report),
        "sarif" => Sarif(report),
        "github" => GitHub(report),
        _ => Text(report),
    };

    public static string Text(CheckReport report)
    {
        var text = new StringBuilder();
        foreach (var finding in report.Findings)
        {
            text.Append(finding).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{report.Errors} error(s), {report.Warnings} warning(s); {report.ExternalLinks.Count} external link(s) listed in --format json.\n");
        return text.ToString();
    }

    private static string JsonReport(CheckReport report)
    {
        var root = new JsonObject
        {
            ["errors"] = report.Errors,
            ["warnings"] = report.Warnings,
            ["fails"] = report.Fails,
            ["findings"] = new JsonArray([.. report.Findings.Select(d => (JsonNode)new JsonObject
            {
                ["code"] = d.Code.Code,
                ["name"] = d.Code.Name,
                ["severity"] = d.Severity == Severity.Error ? "error" : "warning",
                ["file"] = d.Where.File,
                ["line"] = d.Where.Line,
                ["column"] = d.Where.Column,
                ["message"] = d.Message,
                ["fix"] = d.Fix,
            })]),
            ["externalLinks"] = new JsonArray([.. report.ExternalLinks.Select(l => (JsonNode)new JsonObject
            {
                ["url"] = l.Url,
                ["pages"] = new JsonArray([.. l.Pages.Select(p => (JsonNode)JsonValue.Create(p)!)]),
            })]),
        };
        return root.ToJsonString(Json) + "\n";
    }

    /// <summary>SARIF 2.1.0: one run, every check as a rule (so a code-scanning view can explain and filter them), every finding a result.</summary>
    private static string Sarif(CheckReport report)
    {
        var version = typeof(ReportFormats).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        var root = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "NoticeGen",
                        ["version"] = version,
                        ["rules"] = new JsonArray([.. Codes.All.Select(c => (JsonNode)new JsonObject
                        {
                            ["id"] = c.Code,
                            ["name"] = c.Name,
                            ["shortDescription"] = new JsonObject { ["text"] = c.Summary },
                            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(c.DefaultSeverity) },
                        })]),
                    },
                },
                ["results"] = new JsonArray([.. report.Findings.Select(d => (JsonNode)new JsonObject
                {
                    ["ruleId"] = d.Code.Code,
                    ["ruleIndex"] = Codes.All.ToList().IndexOf(d.Code),
                    ["level"] = Level(d.Severity),
                    ["message"] = new JsonObject { ["text"] = $"{d.Message} {d.Fix}".TrimEnd() },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = Uri(d.Where.File), ["uriBaseId"] = "%SRCROOT%" },
                            ["region"] = new JsonObject { ["startLine"] = Math.Max(1, d.Where.Line), ["startColumn"] = Math.Max(1, d.Where.Column) },
                        },
                    }),
                })]),
            }),
        };
        return root.ToJsonString(Json) + "\n";
    }

    /// <summary>GitHub Actions workflow commands: '::error file=...,line=...,col=...,title=NG2004::message'.</summary>
    private static string GitHub(CheckReport report)
    {
        var text = new StringBuilder();
        foreach (var d in report.Findings)
        {
            var level = d.Severity == Severity.Error ? "error" : "warning";
            text.Append(CultureInfo.InvariantCulture,
                $"::{level} file={Property(d.Where.File)},line={d.Where.Line},col={d.Where.Column},title={Property($"{d.Code.Code} {d.Code.Name}")}::{Data($"{d.Message} {d.Fix}".TrimEnd())}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{report.Errors} error(s), {report.Warnings} warning(s).\n");
        return text.ToString();
    }

    private static string Level(Severity severity) => severity == Severity.Error ? "error" : "warning";

    /// <summary>A finding's file as a relative URI; places that are not files (--out, an option) keep their name.</summary>
    private static string Uri(string file) => string.Join('/', file.Split('/').Select(System.Uri.EscapeDataString));

    private static string Data(string value) => value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) => Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
