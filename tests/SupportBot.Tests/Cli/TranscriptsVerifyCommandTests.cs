using System.Diagnostics;
using System.Text.Json;
using SupportBot.Host.Cli.Transcripts;

namespace SupportBot.Tests.Cli;

public class TranscriptsVerifyCommandTests
{
    private static string Recorded(string name) => Path.Combine(TranscriptsVerifyRecorder.Folder, name + ".transcript");

    private static async Task<(int Exit, string Output, string Error)> VerifyAsync(string path, string? dialogs = null, bool json = false, params string[] settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TranscriptsVerifyCommand.RunAsync(
            path,
            json,
            dialogs ?? RepositoryPaths.Dialogs,
            ["--Knowledge:Path", RepositoryPaths.Knowledge, "--Knowledge:DispositionsPath", RepositoryPaths.Dispositions, .. settings],
            output,
            error,
            CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Recorded_transcripts_verify_clean_against_the_current_playbooks()
    {
        var (exit, output, error) = await VerifyAsync(TranscriptsVerifyRecorder.Folder);

        Assert.True(exit == 0, output + error);
        foreach (var script in TranscriptsVerifyRecordings.Scripts)
        {
            Assert.Contains($"OK         {TranscriptsVerifyRecorder.PathOf(script)} (", output, StringComparison.Ordinal);
        }

        Assert.Contains($"{TranscriptsVerifyRecordings.Scripts.Count} transcripts: {TranscriptsVerifyRecordings.Scripts.Count} same, 0 different, 0 unreadable; 0 differences", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_opens_no_database_so_it_runs_beside_a_live_host()
    {
        using var folder = new TranscriptsVerifyFolder();
        var database = Path.Combine(folder.Path, "data", "supportbot.db");

        var (exit, _, _) = await VerifyAsync(Recorded("tier2-escalation"), settings: ["--Storage:Path", database]);

        Assert.Equal(0, exit);
        Assert.False(Directory.Exists(Path.GetDirectoryName(database)));
    }

    [Fact]
    public async Task Changed_prompt_is_reported_with_its_turn_and_step_and_exits_1()
    {
        using var folder = new TranscriptsVerifyFolder();
        var dialogs = folder.DialogsWith("missing-camera.yaml", "How many cameras were on the order?", "How many cameras did the customer order?");

        var (exit, output, _) = await VerifyAsync(Recorded("missing-camera"), dialogs);

        Assert.Equal(1, exit);
        Assert.Contains($"DIFFERENT  {Recorded("missing-camera")} (9 turns, 1 difference)", output, StringComparison.Ordinal);
        Assert.Contains(
            $"{Recorded("missing-camera")}: turn 2 (step cameras-ordered): reply 1: expected \"How many cameras were on the order?\", got \"How many cameras did the customer order?\"",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_branch_is_reported_as_an_outcome_difference()
    {
        using var folder = new TranscriptsVerifyFolder();
        var dialogs = folder.DialogsWith("missing-camera.yaml", "{ field: preferred_remedy, equals: account-credit }", "{ field: preferred_remedy, equals: replacement }");

        var (exit, output, _) = await VerifyAsync(Recorded("missing-camera"), dialogs);

        Assert.Equal(1, exit);
        Assert.Contains($"{Recorded("missing-camera")}: outcome id: expected \"default\", got \"account-credit\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_transcript_exits_2_and_is_named_while_the_others_are_still_verified()
    {
        using var folder = new TranscriptsVerifyFolder();
        File.Copy(Recorded("missing-camera"), Path.Combine(folder.Path, "missing-camera.transcript"));
        var broken = folder.Write("broken.transcript", "[{\"type\": \"message\", ");

        var (exit, output, error) = await VerifyAsync(folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("UNREADABLE " + broken, output, StringComparison.Ordinal);
        Assert.Contains(broken + ": not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("OK         " + Path.Combine(folder.Path, "missing-camera.transcript"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_report_lists_each_file_with_its_differences_and_a_summary()
    {
        using var folder = new TranscriptsVerifyFolder();
        var dialogs = folder.DialogsWith("missing-camera.yaml", "How many cameras were on the order?", "How many cameras did the customer order?");

        var (exit, output, _) = await VerifyAsync(Recorded("missing-camera"), dialogs, json: true);

        Assert.Equal(1, exit);
        using var report = JsonDocument.Parse(output);
        var file = Assert.Single(report.RootElement.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal(Recorded("missing-camera"), file.GetProperty("file").GetString());
        Assert.Equal("different", file.GetProperty("status").GetString());
        Assert.Equal(9, file.GetProperty("turns").GetInt32());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("divergedAtTurn").ValueKind);
        var difference = Assert.Single(file.GetProperty("differences").EnumerateArray().ToList());
        Assert.Equal(
            """{"kind":"reply","turn":2,"step":"cameras-ordered","subject":"reply 1","expected":"How many cameras were on the order?","actual":"How many cameras did the customer order?"}""",
            JsonSerializer.Serialize(difference));
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal((1, 0, 1, 0, 1), (
            summary.GetProperty("files").GetInt32(),
            summary.GetProperty("same").GetInt32(),
            summary.GetProperty("different").GetInt32(),
            summary.GetProperty("unreadable").GetInt32(),
            summary.GetProperty("differences").GetInt32()));
        Assert.True(summary.GetProperty("seconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Path_that_names_nothing_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "supportbot-no-such-" + Guid.NewGuid().ToString("N"));

        var (exit, _, error) = await VerifyAsync(missing);

        Assert.Equal(2, exit);
        Assert.Contains(missing + ": no such file or folder.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_without_transcripts_exits_2_rather_than_passing_unchecked()
    {
        using var folder = new TranscriptsVerifyFolder();

        var (exit, _, error) = await VerifyAsync(folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("no .transcript files in this folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playbooks_folder_that_does_not_exist_exits_2_naming_the_setting()
    {
        using var folder = new TranscriptsVerifyFolder();

        var (exit, _, error) = await VerifyAsync(Recorded("missing-camera"), Path.Combine(folder.Path, "no-dialogs-here"));

        Assert.Equal(2, exit);
        Assert.Contains("Dialogs:Path", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_playbook_exits_2_with_the_parser_message()
    {
        using var folder = new TranscriptsVerifyFolder();
        var dialogs = folder.DialogsWith("missing-camera.yaml", "ask: number", "ask: telepathy");

        var (exit, _, error) = await VerifyAsync(Recorded("missing-camera"), dialogs);

        Assert.Equal(2, exit);
        Assert.Contains("missing-camera.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_line_from_the_repository_root_verifies_the_recorded_folder()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "supportbot.dll"), "transcripts", "verify", "tests/transcripts" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains("OK         tests/transcripts/missing-camera.transcript (9 turns)", await output, StringComparison.Ordinal);
    }
}
