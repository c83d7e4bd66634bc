using System.Text.Json.Nodes;
using SupportBot.Host.Cli.HostLink;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Processes;

namespace SupportBot.Tests.Cli;

/// <summary>
/// The real host runs on the database; the commands, given the same Storage:Path, find the file locked
/// and go through the host by the link it wrote beside the database.
/// </summary>
[Collection(ProcessTests.Collection)]
public sealed class TranscriptsThroughHostTests(TranscriptsThroughHostTests.RunningHost running) : IClassFixture<TranscriptsThroughHostTests.RunningHost>
{
    [Fact]
    public async Task Export_WhileTheHostHoldsTheDatabase_GoesThroughTheHost()
    {
        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", running.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--verbose", "--Storage:Path", running.Database.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Using the running host at {running.Host.BaseAddress.GetLeftPart(UriPartial.Authority)}", result.Error, StringComparison.Ordinal);
        Assert.Equal("cust says battery belt melted", JsonNode.Parse(result.Output)!.AsArray()[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_ThroughTheHost_PrintsTheNewCase_WhichThenExports()
    {
        using var files = new ScratchFolder();
        var file = files.Write("emulator.transcript", """
            [
              { "type": "message", "text": "cx says the camera never arrived", "from": { "id": "e5d1-user", "role": "user" }, "conversation": { "id": "emulated-2" }, "timestamp": "2026-10-01T10:00:00Z" },
              { "type": "message", "text": "Was the package marked as delivered?", "from": { "id": "3c1d-bot", "role": "bot" }, "conversation": { "id": "emulated-2" }, "timestamp": "2026-10-01T10:00:01Z" }
            ]
            """);

        var imported = await TranscriptsCliRunner.RunAsync("transcripts", "import", file, "--Storage:Path", running.Database.Path);
        var caseId = imported.Output.Split('#')[^1].Trim();
        var markdown = await TranscriptsCliRunner.RunAsync("transcripts", "export", caseId, "--format", "markdown", "--Storage:Path", running.Database.Path);

        Assert.Equal(0, imported.ExitCode);
        Assert.StartsWith($"{file}: imported as case #", imported.Output, StringComparison.Ordinal);
        Assert.Contains("> cx says the camera never arrived", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| Imported | yes", markdown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfABadFile_ThroughTheHost_NamesTheFileAndTheActivity()
    {
        using var files = new ScratchFolder();
        var file = files.Write("broken.transcript", "[{\"text\": \"no type here\"}]");

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "import", file, "--Storage:Path", running.Database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}: activity 1 has no \"type\".", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationsDelete_ThroughTheHost_RemovesTheConversation()
    {
        await running.Host.ChatAsync("delete-through-host", "cust says battery belt melted");

        var result = await TranscriptsCliRunner.RunAsync("conversations", "delete", "webchat/delete-through-host", "--Storage:Path", running.Database.Path);

        Assert.Equal(0, result.ExitCode);
        var history = JsonNode.Parse(await running.Host.Client.GetStringAsync("/api/chat/delete-through-host/history"))!["activities"]!.AsArray();
        Assert.Empty(history);
    }

    [Fact]
    public async Task ExportOfAnUnknownCase_ThroughTheHost_Exits1WithTheHostsMessage()
    {
        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "987654", "--Storage:Path", running.Database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no transcript case #987654.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>One host for the tests above, with one recorded case.</summary>
    public sealed class RunningHost : IAsyncLifetime
    {
        internal TempDatabase Database { get; } = new();

        internal HostProcess Host { get; private set; } = null!;

        public long CaseId { get; private set; }

        public async Task InitializeAsync()
        {
            Host = HostProcess.Start(Database.Path);
            await Host.WaitUntilReadyAsync();
            await Host.ChatAsync("through-host", "cust says battery belt melted");
            await Host.ChatAsync("through-host", "cx is emailing the pics and receipt");
            CaseId = 1;
            await HostLinkWaits.UntilWrittenAsync(Database.Path, Host);
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Database.Dispose();
        }
    }
}
