using System.CommandLine;
using System.Text.Json;
using SupportBot.Activities;
using SupportBot.Host.Cli.HostLink;

namespace SupportBot.Host.Cli.Reports;

/// <summary><c>supportbot report dispositions</c>: how SupportBot's disposition suggestions fared.</summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new(ActivityJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (cases, taken, rows, bands)." };
        var dispositions = new Command("dispositions", "Per suggested disposition: how often agents took it, skipped it or chose another, and by confidence band.") { json };
        var data = DataCommandOptions.AddTo(dispositions);
        dispositions.SetAction(parse => data.RunAsync(parse, mayCreate: false, async store =>
        {
            var io = CliIo.Of(parse);
            var report = await store.DispositionReportAsync(CancellationToken.None);
            await io.Out.WriteAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(report, IndentedJson) + "\n"
                : DispositionReportText.Render(report));
            return 0;
        }));

        var reportCommand = new Command("report", "Reports on the recorded cases.");
        reportCommand.Subcommands.Add(dispositions);
        return reportCommand;
    }
}
