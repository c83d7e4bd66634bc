using System.Text.Json.Nodes;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Tests.Transcripts.Files;

public class TranscriptImporterTests
{
    /// <summary>What the Bot Framework Emulator saves: roles decide the direction; no SupportBot metadata.</summary>
    private const string EmulatorFile = """
        [
          {
            "type": "conversationUpdate",
            "membersAdded": [{ "id": "3c1d-bot", "name": "Bot" }],
            "channelId": "emulator",
            "conversation": { "id": "9f0c2e70-emulated" },
            "from": { "id": "e5d1-user", "name": "User", "role": "user" },
            "recipient": { "id": "3c1d-bot", "name": "Bot", "role": "bot" },
            "timestamp": "2026-10-14T15:01:02.000Z"
          },
          {
            "type": "message",
            "text": "cx says the camera went missing after delivery",
            "channelId": "emulator",
            "conversation": { "id": "9f0c2e70-emulated" },
            "from": { "id": "e5d1-user", "name": "Sample Agent", "role": "user" },
            "recipient": { "id": "3c1d-bot", "name": "Bot", "role": "bot" },
            "timestamp": "2026-10-14T15:01:10.000Z"
          },
          {
            "type": "message",
            "text": "Was the package marked as delivered?",
            "suggestedActions": { "actions": [ { "type": "imBack", "title": "Yes", "value": "Yes" }, { "type": "imBack", "title": "No", "value": "No" } ] },
            "channelId": "emulator",
            "conversation": { "id": "9f0c2e70-emulated" },
            "from": { "id": "3c1d-bot", "name": "Bot", "role": "bot" },
            "recipient": { "id": "e5d1-user", "role": "user" },
            "timestamp": "2026-10-14T15:01:11.000Z"
          },
          {
            "type": "message",
            "text": "yes, card 4111 1111 1111 1111 was charged",
            "channelId": "emulator",
            "conversation": { "id": "9f0c2e70-emulated" },
            "from": { "id": "e5d1-user", "name": "Sample Agent", "role": "user" },
            "recipient": { "id": "3c1d-bot", "name": "Bot", "role": "bot" },
            "timestamp": "2026-10-14T15:01:30.000Z"
          }
        ]
        """;

    private readonly MemoryTranscriptStore _store = new();

    private TranscriptImporter Importer => new(_store, new SensitiveDataRedactor());

    [Fact]
    public async Task ExportImportExport_GivesTheSameActivitiesAndSnapshots()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();
        var first = BotFrameworkTranscript.Write(recorded.Case, recorded.Entries);

        var imported = await Importer.ImportAsync(first, "device-check.transcript", default);
        var second = BotFrameworkTranscript.Write(imported, await _store.GetCaseEntriesAsync(imported.Id, default));

        var before = WithoutCaseSummary(first);
        var after = WithoutCaseSummary(second);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(before[i], after[i]), $"Activity {i + 1} changed:\n{before[i]}\n{after[i]}");
        }
    }

    [Fact]
    public async Task Import_StoresANewImportedCaseInAConversationOfItsOwn()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var imported = await Importer.ImportAsync(BotFrameworkTranscript.Write(recorded.Case, recorded.Entries), "device-check.transcript", default);

        Assert.True(imported.Imported);
        Assert.StartsWith("import/", imported.ConversationKey, StringComparison.Ordinal);
        Assert.Equal(recorded.Case with { Id = imported.Id, ConversationKey = imported.ConversationKey, Imported = true }, imported);
        Assert.Equal(imported, await _store.GetCaseAsync(imported.Id, default));
        Assert.All(await _store.GetCaseEntriesAsync(imported.Id, default), e => Assert.Equal(imported.ConversationKey, e.ConversationKey));
    }

    [Fact]
    public async Task Import_TwiceGivesTwoSeparateCases()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();
        var file = BotFrameworkTranscript.Write(recorded.Case, recorded.Entries);

        var first = await Importer.ImportAsync(file, "a.transcript", default);
        var second = await Importer.ImportAsync(file, "a.transcript", default);

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.ConversationKey, second.ConversationKey);
    }

    [Fact]
    public async Task Import_OfAnEmulatorFile_TakesTheDirectionFromTheRoles()
    {
        var imported = await Importer.ImportAsync(EmulatorFile, "emulator.transcript", default);

        var entries = await _store.GetCaseEntriesAsync(imported.Id, default);
        Assert.Equal(
            [TranscriptDirection.Inbound, TranscriptDirection.Inbound, TranscriptDirection.Outbound, TranscriptDirection.Inbound],
            entries.Select(e => e.Direction));
        Assert.Equal(["Yes", "No"], entries[2].Activity.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Import_OfAnEmulatorFile_SummarisesTheCaseFromItsActivities()
    {
        var imported = await Importer.ImportAsync(EmulatorFile, "emulator.transcript", default);

        Assert.Equal("emulator", imported.ChannelId);
        Assert.Equal("9f0c2e70-emulated", imported.ConversationId);
        Assert.Equal("e5d1-user", imported.AgentId);
        Assert.Equal(2, imported.Turns);
        Assert.Equal(DateTimeOffset.Parse("2026-10-14T15:01:02Z", System.Globalization.CultureInfo.InvariantCulture), imported.StartedAt);
        Assert.True(imported.Imported);
    }

    [Fact]
    public async Task Import_RedactsCardNumbersBeforeStoring()
    {
        var imported = await Importer.ImportAsync(EmulatorFile, "emulator.transcript", default);

        var last = (await _store.GetCaseEntriesAsync(imported.Id, default))[^1];
        Assert.Equal("yes, card [card ending 1111] was charged", last.Activity.Text);
    }

    [Fact]
    public async Task Import_RedactsCollectedFieldsInSnapshots()
    {
        var file = JsonNode.Parse(EmulatorFile)!.AsArray();
        file[1]!["supportbot"] = new JsonObject
        {
            ["snapshot"] = new JsonObject { ["playbookId"] = "missing-camera", ["stepId"] = "delivered", ["fields"] = new JsonObject { ["card"] = "4111-1111-1111-1111" } },
        };

        var imported = await Importer.ImportAsync(file.ToJsonString(), "emulator.transcript", default);

        var snapshot = (await _store.GetCaseEntriesAsync(imported.Id, default))[1].Snapshot!;
        Assert.Equal("[card ending 1111]", snapshot.Fields["card"]!.GetValue<string>());
        Assert.Equal("delivered", snapshot.StepId);
    }

    [Theory]
    [InlineData("this is not json", "bad.transcript: not valid JSON")]
    [InlineData("{\"type\": \"message\"}", "bad.transcript: a .transcript file is a JSON array of activities, but this is a JSON object.")]
    [InlineData("[{\"type\": \"message\", \"text\": \"hi\"}, 42]", "bad.transcript: activity 2 is a JSON number, not an object.")]
    [InlineData("[{\"type\": \"message\", \"text\": \"hi\"}, {\"text\": \"no type\"}]", "bad.transcript: activity 2 has no \"type\".")]
    [InlineData("[{\"type\": \"message\", \"text\": []}]", "bad.transcript: activity 1 is not a valid activity")]
    [InlineData("[]", "bad.transcript: the file holds no activities")]
    public async Task Import_OfABadFile_SaysWhatIsWrongAndStoresNothing(string text, string expected)
    {
        var error = await Assert.ThrowsAsync<TranscriptFileException>(() => Importer.ImportAsync(text, "bad.transcript", default));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.FindCasesAsync(new TranscriptQuery(), default));
    }

    /// <summary>The file's activities without the case summary on the first one (its id and key differ by design).</summary>
    private static JsonArray WithoutCaseSummary(string transcript)
    {
        var activities = JsonNode.Parse(transcript)!.AsArray();
        activities[0]!["supportbot"]!.AsObject().Remove("case");
        return activities;
    }
}
