using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SupportBot.Activities;
using SupportBot.Host.Cli.HostLink;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>
/// <c>list</c>, <c>export</c>, <c>import</c> and <c>delete</c>: on the database file directly, or through the
/// running host when it holds the file.
/// </summary>
internal static class TranscriptsTransferCommands
{
    private static readonly JsonSerializerOptions IndentedJson = new(ActivityJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void AddTo(Command transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        transcripts.Subcommands.Add(BuildList());
        transcripts.Subcommands.Add(BuildExport());
        transcripts.Subcommands.Add(BuildImport());
        transcripts.Subcommands.Add(BuildDelete());
    }

    private static Command BuildList()
    {
        var playbook = new Option<string?>("--playbook") { Description = "Only cases of this playbook id." };
        var agent = new Option<string?>("--agent") { Description = "Only cases of this agent (user id)." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, conversationId, playbook, agent, startedAt, turns, escalated, ...}." };
        var limit = new Option<string?>("--limit") { Description = $"At most N cases, newest first (default {TranscriptQuery.DefaultLimit}, at most {TranscriptQuery.MaxLimit})." };
        var list = new Command("list", "List recorded cases, newest first.") { playbook, agent, json, limit };
        var data = DataCommandOptions.AddTo(list);
        list.SetAction(parse => data.RunAsync(parse, mayCreate: false, async store =>
        {
            var io = CliIo.Of(parse);
            var query = new TranscriptQuery
            {
                PlaybookId = Blank(parse.GetValue(playbook)),
                AgentId = Blank(parse.GetValue(agent)),
                Limit = ParseLimit(parse.GetValue(limit)),
            };
            var cases = await store.ListAsync(query, CancellationToken.None);
            await io.Out.WriteAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(cases, IndentedJson) + "\n"
                : TranscriptListTable.Render(cases));
            return 0;
        }));
        return list;
    }

    private static Command BuildExport()
    {
        var id = new Argument<string>("ID") { Description = "The case number (see `transcripts list`)." };
        var format = new Option<string>("--format")
        {
            Description = "transcript (Bot Framework .transcript JSON, re-importable) or markdown (for reading). Default: transcript.",
            DefaultValueFactory = _ => "transcript",
        };
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output." };
        var export = new Command("export", "Export one case as a .transcript file or Markdown.") { id, format, output };
        var data = DataCommandOptions.AddTo(export);
        export.SetAction(parse => data.RunAsync(parse, mayCreate: false, async store =>
        {
            var io = CliIo.Of(parse);
            var caseId = ParseCaseId(parse.GetValue(id));
            if (!TranscriptExport.TryParseFormat(parse.GetValue(format), out var chosen))
            {
                throw new CliException($"--format '{parse.GetValue(format)}' is not a format; use one of {TranscriptExport.FormatNames}.");
            }

            var text = await store.ExportAsync(caseId, chosen, CancellationToken.None);
            if (parse.GetValue(output) is not { Length: > 0 } file)
            {
                await io.Out.WriteAsync(text);
                return 0;
            }

            try
            {
                await File.WriteAllTextAsync(file, text, BotFrameworkTranscript.FileEncoding);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"{file}: cannot be written: {e.Message}");
            }

            await io.Out.WriteLineAsync($"Exported case #{caseId} to {file}.");
            return 0;
        }));
        return export;
    }

    private static Command BuildImport()
    {
        var files = new Argument<string[]>("FILE") { Description = ".transcript files (SupportBot exports or Bot Framework Emulator transcripts).", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import .transcript files, each as a new case; prints the new case ids.") { files };
        var data = DataCommandOptions.AddTo(import);
        import.SetAction(async parse =>
        {
            var io = CliIo.Of(parse);
            var (paths, settings) = DataCommandOptions.SplitSettings(parse.GetValue(files) ?? []);
            var readable = new List<(string Path, string Text)>();
            var failed = false;
            foreach (var path in paths)
            {
                try
                {
                    readable.Add((path, await File.ReadAllTextAsync(path)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
                {
                    await io.Error.WriteLineAsync($"{path}: cannot be read: {e.Message}");
                    failed = true;
                }
            }

            if (readable.Count == 0)
            {
                return 1;
            }

            var result = await data.RunAsync(parse, mayCreate: true, async store =>
            {
                foreach (var (path, text) in readable)
                {
                    try
                    {
                        var caseId = await store.ImportAsync(text, path, CancellationToken.None);
                        await io.Out.WriteLineAsync($"{path}: imported as case #{caseId}");
                    }
                    catch (CliException e)
                    {
                        // One bad file stops only itself; the others still import.
                        await io.Error.WriteLineAsync(e.Message);
                        failed = true;
                    }
                }

                return 0;
            }, settings);
            return failed ? 1 : result;
        });
        return import;
    }

    private static Command BuildDelete()
    {
        var id = new Argument<string>("ID") { Description = "The case number (see `transcripts list`)." };
        var delete = new Command("delete", "Delete one case and its transcript for good.") { id };
        var data = DataCommandOptions.AddTo(delete);
        delete.SetAction(parse => data.RunAsync(parse, mayCreate: false, async store =>
        {
            var io = CliIo.Of(parse);
            var caseId = ParseCaseId(parse.GetValue(id));
            await store.DeleteCaseAsync(caseId, CancellationToken.None);
            await io.Out.WriteLineAsync($"Deleted case #{caseId}.");
            return 0;
        }));
        return delete;
    }

    private static long ParseCaseId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CliException($"'{value}' is not a case number; use the id shown by `supportbot transcripts list`.");

    private static int ParseLimit(string? value)
    {
        if (value is null)
        {
            return TranscriptQuery.DefaultLimit;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is > 0 and <= TranscriptQuery.MaxLimit
            ? limit
            : throw new CliException($"--limit '{value}' must be a whole number from 1 to {TranscriptQuery.MaxLimit}.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
