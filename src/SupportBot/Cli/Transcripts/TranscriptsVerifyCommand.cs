using System.CommandLine;
using SupportBot.Playbooks;
using SupportBot.Transcripts.Files;
using SupportBot.Transcripts.Verification;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>
/// <c>supportbot transcripts verify PATH [--json] [--dialogs FOLDER]</c>: replays recorded transcripts
/// against the current playbooks and reports where the bot now answers differently. Exit code 0 when
/// every transcript replays the same, 1 when any differs, 2 when any input cannot be read (a transcript,
/// the folder, or the playbooks).
/// </summary>
internal static class TranscriptsVerifyCommand
{
    public const int Same = 0;
    public const int Different = 1;
    public const int Unreadable = 2;

    public static void AddTo(Command transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        var path = new Argument<string>("path") { Description = "A folder of .transcript files (searched recursively), or one .transcript file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text." };
        var dialogs = new Option<string?>("--dialogs") { HelpName = "folder", Description = "The playbooks folder to replay against (default: the Dialogs:Path setting, dialogs/)." };
        var verify = new Command("verify", "Replay recorded transcripts against the current playbooks; report every reply or outcome that now differs.") { path, json, dialogs };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, ct) => RunAsync(
            parse.GetValue(path)!, parse.GetValue(json), parse.GetValue(dialogs), [.. parse.UnmatchedTokens], Console.Out, Console.Error, ct));
        transcripts.Subcommands.Add(verify);
    }

    /// <param name="configurationArgs">Further settings as <c>--Section:Key value</c>, as for the host.</param>
    public static async Task<int> RunAsync(
        string path, bool json, string? dialogsPath, string[] configurationArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var (files, problem) = TranscriptInputs.Find(path);
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
            return Unreadable;
        }

        var configuration = ReplayServices.Configuration(configurationArgs, dialogsPath);
        // Warnings and failed turns go to standard error, where they cannot garble a --json report.
        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        ReplayContent content;
        try
        {
            content = ReplayContent.Load(configuration, loggerFactory);
        }
        catch (Exception ex) when (ContentProblem(ex) is { } why)
        {
            await error.WriteLineAsync("Cannot load the playbooks and knowledge to replay against: " + why);
            return Unreadable;
        }

        var verifier = new TranscriptVerifier(ReplayServices.BotFactory(configuration, loggerFactory, content));
        var results = new List<FileVerification>(files.Count);
        foreach (var file in files)
        {
            results.Add(await VerifyFileAsync(verifier, file, cancellationToken));
        }

        var report = new TranscriptsVerifyReport(results, TimeProvider.System.GetElapsedTime(started));
        if (json)
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteText(output, error);
        }

        return results.Any(r => r.Error is not null) ? Unreadable
            : results.Any(r => r.Verification?.Same == false) ? Different
            : Same;
    }

    private static async Task<FileVerification> VerifyFileAsync(TranscriptVerifier verifier, TranscriptInput file, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(file.FullPath, BotFrameworkTranscript.FileEncoding, cancellationToken);
            var content = BotFrameworkTranscript.Read(text, file.DisplayName);
            return new FileVerification(file.DisplayName, await verifier.VerifyAsync(content, file.DisplayName, cancellationToken), null);
        }
        catch (TranscriptFileException ex)
        {
            return new FileVerification(file.DisplayName, null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileVerification(file.DisplayName, null, $"{file.DisplayName}: {ex.Message}");
        }
    }

    /// <summary>What to tell the user when the content cannot be loaded; null for an exception that is not about the content.</summary>
    private static string? ContentProblem(Exception exception) => exception switch
    {
        PlaybookValidationException or InvalidDataException or IOException => exception.Message,
        Microsoft.Extensions.Options.OptionsValidationException options => string.Join(" ", options.Failures),
        _ => null,
    };
}
