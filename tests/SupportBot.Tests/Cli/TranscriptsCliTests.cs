using System.Text.Json.Nodes;
using SupportBot.State;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Cli;

/// <summary>The data commands on a database file no host holds: they open it directly.</summary>
public sealed class TranscriptsCliTests
{
    [Fact]
    public async Task ListJson_PrintsTheCasesNewestFirst_WithTheContractPropertiesFirst()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--json", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        var cases = JsonNode.Parse(result.Output)!.AsArray();
        Assert.Equal([3L, 2L, 1L], cases.Select(c => c!["id"]!.GetValue<long>()));
        Assert.Equal(
            ["id", "conversationId", "playbook", "agent", "startedAt", "turns", "escalated"],
            cases[1]!.AsObject().Select(p => p.Key).Take(7));
        Assert.Equal("belt-2", cases[1]!["conversationId"]!.GetValue<string>());
        Assert.True(cases[1]!["escalated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task List_PrintsAReadableTable()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID  STARTED (UTC)", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^ 3  2026-10-05 09:02  missing-camera\s+Sample agent-1 \(agent-1\)\s+1  no\s+completed\s+reship$", lines[2]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task List_FiltersByPlaybookAndAgent()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--playbook", "battery-belt-damage", "--agent", "agent-1", "--json", "--Storage:Path", database.Path);

        Assert.Equal([1L], JsonNode.Parse(result.Output)!.AsArray().Select(c => c!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task List_StopsAtTheLimit()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--limit", "2", "--json", "--Storage:Path", database.Path);

        Assert.Equal([3L, 2L], JsonNode.Parse(result.Output)!.AsArray().Select(c => c!["id"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("5000")]
    public async Task List_WithABadLimit_Exits1SayingWhatIsAllowed(string limit)
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--limit", limit, "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--limit '{limit}' must be a whole number from 1 to 1000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithoutADatabaseFile_Exits1NamingThePath_AndCreatesNothing()
    {
        using var database = TranscriptsTestDatabase.Empty();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"There is no SupportBot database at '{database.Path}'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task Verbose_SaysTheDatabaseWasOpenedDirectly()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--verbose", "--Storage:Path", database.Path);

        Assert.Contains($"Using the database file '{database.Path}', opened directly", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutVerbose_SaysNothingAboutTheRoute()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--Storage:Path", database.Path);

        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Export_PrintsTheTranscriptFileOnStandardOutput()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "3", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        var activities = JsonNode.Parse(result.Output)!.AsArray();
        Assert.Equal("camera never arrived", activities[0]!["text"]!.GetValue<string>());
        Assert.Equal("reship", activities[0]!["supportbot"]!["case"]!["outcomeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_AsMarkdown_WritesTheFileNamed()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();
        var file = Path.Combine(Path.GetTempPath(), $"case-{Guid.NewGuid():N}.md");
        try
        {
            var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "3", "--format", "markdown", "--output", file, "--Storage:Path", database.Path);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"Exported case #3 to {file}.\n", result.Output.ReplaceLineEndings("\n"));
            Assert.StartsWith("# Case 3: missing-camera", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_OfAnUnknownCase_Exits1()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "99", "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no transcript case #99", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Export_InAnUnknownFormat_Exits1NamingTheFormats()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "3", "--format", "pdf", "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--format 'pdf' is not a format; use one of transcript, markdown.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToAFolderThatDoesNotExist_Exits1NamingTheFile()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();
        var file = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "case.transcript");

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "3", "--output", file, "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{file}: cannot be written:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImportExport_GivesTheSameActivitiesAndSnapshots()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();
        using var files = new ScratchFolder();
        var exported = files.PathOf("case-3.transcript");
        await TranscriptsCliRunner.RunAsync("transcripts", "export", "3", "--output", exported, "--Storage:Path", database.Path);

        var imported = await TranscriptsCliRunner.RunAsync("transcripts", "import", exported, "--Storage:Path", database.Path);
        var again = await TranscriptsCliRunner.RunAsync("transcripts", "export", "4", "--Storage:Path", database.Path);

        Assert.Equal($"{exported}: imported as case #4\n", imported.Output.ReplaceLineEndings("\n"));
        Assert.True(JsonNode.DeepEquals(ActivitiesOf(await File.ReadAllTextAsync(exported)), ActivitiesOf(again.Output)), again.Output);
    }

    [Fact]
    public async Task Import_TakesSettingsAfterTheFiles()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();
        using var files = new ScratchFolder();
        var file = files.Write("emulator.transcript", EmulatorTranscript);

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "import", file, "--Storage:Path", database.Path, "--Training:TranscriptRetention=00:00:00");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{file}: imported as case #4\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Import_OfBadFiles_NamesEachFileAndItsProblem_AndStillImportsTheGoodOne()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();
        using var files = new ScratchFolder();
        var notJson = files.Write("notes.transcript", "these are my notes");
        var notArray = files.Write("object.transcript", "{\"type\": \"message\"}");
        var noType = files.Write("no-type.transcript", "[{\"type\": \"message\", \"text\": \"hi\"}, {\"text\": \"hello\"}]");
        var missing = files.PathOf("missing.transcript");
        var good = files.Write("good.transcript", EmulatorTranscript);

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "import", notJson, notArray, noType, missing, good, "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{notJson}: not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{notArray}: a .transcript file is a JSON array of activities, but this is a JSON object.", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{noType}: activity 2 has no \"type\".", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{missing}: cannot be read:", result.Error, StringComparison.Ordinal);
        Assert.Equal($"{good}: imported as case #4\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal(4, await database.ReadAsync(async (store, _) => (await store.FindCasesAsync(new TranscriptQuery(), default)).Count));
    }

    [Fact]
    public async Task Import_IntoADatabaseNotYetCreated_CreatesIt()
    {
        using var database = TranscriptsTestDatabase.Empty();
        using var files = new ScratchFolder();
        var file = files.Write("emulator.transcript", EmulatorTranscript);

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "import", file, "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        var stored = await database.ReadAsync((store, _) => store.GetCaseAsync(1, default));
        Assert.True(stored!.Imported);
    }

    [Fact]
    public async Task Delete_RemovesTheCaseForGood()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "delete", "2", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Deleted case #2.\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Empty(await database.ReadAsync((store, _) => store.GetCaseEntriesAsync(2, default)));
        Assert.Null(await database.ReadAsync((store, _) => store.GetCaseAsync(2, default)));
    }

    [Theory]
    [InlineData("99", "There is no transcript case #99")]
    [InlineData("two", "'two' is not a case number")]
    public async Task Delete_OfAnUnknownCase_Exits1(string id, string expected)
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "delete", id, "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationsDelete_RemovesTheStateTranscriptAndCases()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("conversations", "delete", "webchat/camera-1", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        var stateKey = ConversationStateMiddleware.StorageKeyFor("webchat/camera-1");
        Assert.Empty(await database.ReadAsync((_, storage) => storage.ReadAsync([stateKey], default)));
        Assert.Empty(await database.ReadAsync((store, _) => store.GetAsync("webchat/camera-1", default)));
        Assert.Null(await database.ReadAsync((store, _) => store.GetCaseAsync(3, default)));
        Assert.NotNull(await database.ReadAsync((store, _) => store.GetCaseAsync(1, default)));
    }

    [Fact]
    public async Task ConversationsDelete_OfAnUnknownConversation_Exits1()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("conversations", "delete", "webchat/never-was", "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no conversation 'webchat/never-was'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportDispositionsJson_IsTheDispositionReport()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("report", "dispositions", "--json", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(1, report["cases"]!.GetValue<int>());
        Assert.Equal("Shipping > Lost Package", report["rows"]![0]!["disposition"]!.GetValue<string>());
        Assert.Equal(1.0, report["rows"]![0]!["takenRate"]!.GetValue<double>());
        Assert.Equal(5, report["bands"]!.AsArray().Count);
    }

    [Fact]
    public async Task ReportDispositions_PrintsATablePerSuggestionAndPerConfidenceBand()
    {
        using var database = await TranscriptsTestDatabase.WithThreeCasesAsync();

        var result = await TranscriptsCliRunner.RunAsync("report", "dispositions", "--Storage:Path", database.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 completed cases with a suggested disposition; the agent took the suggestion in 1 (100.0%).", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nShipping > Lost Package\s+1\s+1\s+100\.0%\s+0\s+-\s+-\n", result.Output);
        Assert.Matches(@"\n0\.80-0\.90\s+1\s+1\s+100\.0%\n", result.Output);
    }

    private const string EmulatorTranscript = """
        [
          { "type": "message", "text": "cx says the camera never arrived", "from": { "id": "e5d1-user", "role": "user" }, "conversation": { "id": "emulated-1" }, "channelId": "emulator", "timestamp": "2026-10-01T10:00:00Z" },
          { "type": "message", "text": "Was the package marked as delivered?", "from": { "id": "3c1d-bot", "role": "bot" }, "conversation": { "id": "emulated-1" }, "channelId": "emulator", "timestamp": "2026-10-01T10:00:01Z" }
        ]
        """;

    /// <summary>The activities of a .transcript text, without the case summary (whose id and key differ by design).</summary>
    private static JsonArray ActivitiesOf(string transcript)
    {
        var activities = JsonNode.Parse(transcript)!.AsArray();
        activities[0]!["supportbot"]!.AsObject().Remove("case");
        return activities;
    }
}
