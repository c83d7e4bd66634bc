using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Storage.LiteDb;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbTranscriptStoreTests : IDisposable
{
    private readonly TempDbFile _file = new();
    private readonly LiteDbContext _context;
    private readonly LiteDbTranscriptStore _store;

    public LiteDbTranscriptStoreTests()
    {
        _context = _file.Open();
        _store = new LiteDbTranscriptStore(_context);
    }

    public void Dispose()
    {
        _context.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task Get_AfterSeveralAppends_ReturnsEntriesInInsertionOrder()
    {
        for (var turn = 0; turn < 5; turn++)
        {
            await _store.AppendAsync([Entry("a", $"in {turn}"), Entry("a", $"out {turn}", TranscriptDirection.Outbound)], default);
        }

        var texts = (await _store.GetAsync("a", default)).Select(e => e.Activity.Text);

        Assert.Equal(Enumerable.Range(0, 5).SelectMany(t => new[] { $"in {t}", $"out {t}" }), texts);
    }

    [Fact]
    public async Task Get_ReturnsOnlyTheAskedConversation()
    {
        await _store.AppendAsync([Entry("a", "a1"), Entry("b", "b1")], default);
        await _store.AppendAsync([Entry("a", "a2")], default);

        var entries = await _store.GetAsync("a", default);

        Assert.Equal(["a1", "a2"], entries.Select(e => e.Activity.Text));
        Assert.All(entries, e => Assert.Equal("a", e.ConversationKey));
        Assert.Empty(await _store.GetAsync("unknown", default));
    }

    [Fact]
    public async Task Get_RoundTripsEveryField()
    {
        var timestamp = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2));
        var activity = TestActivities.Message("a", "  spaced  ");
        activity.Id = "x1";
        activity.Timestamp = timestamp;

        await _store.AppendAsync([new TranscriptEntry("a", timestamp, TranscriptDirection.Outbound, activity)], default);

        var entry = Assert.Single(await _store.GetAsync("a", default));
        Assert.Equal("a", entry.ConversationKey);
        Assert.Equal(timestamp, entry.Timestamp);
        Assert.Equal(TimeSpan.Zero, entry.Timestamp.Offset);
        Assert.Equal(TranscriptDirection.Outbound, entry.Direction);
        Assert.Equal(ActivityJson.Serialize(activity), ActivityJson.Serialize(entry.Activity));
    }

    [Fact]
    public async Task Get_RoundTripsALargeActivityStoredCompressed()
    {
        var text = string.Join('\n', Enumerable.Range(1, 80).Select(i => $"{i}. Ask the customer for step {i} of the ticket note."));
        await _store.AppendAsync([Entry("big", text, TranscriptDirection.Outbound)], default);

        var read = Assert.Single(await _store.GetAsync("big", default));

        Assert.Equal(text, read.Activity.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public async Task GetCaseEntries_RoundTripsTheSnapshotOfSmallAndCompressedTurns(int answerLines)
    {
        var answer = string.Join('\n', Enumerable.Range(1, answerLines).Select(i => $"line {i} of the answer"));
        var snapshot = new TurnSnapshot("battery-belt-damage", "purchase-details", new JsonObject { ["notes"] = "line\u001e with a separator", ["count"] = 2 });
        var transcriptCase = new TranscriptCase { ConversationKey = "a", StartedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow };

        var saved = await _store.AppendTurnAsync(transcriptCase, [Entry("a", answer) with { Snapshot = snapshot }, Entry("a", answer, TranscriptDirection.Outbound)], default);

        var read = await _store.GetCaseEntriesAsync(saved.Id, default);
        Assert.Equal(answer, read[0].Activity.Text);
        Assert.Equal((snapshot.PlaybookId, snapshot.StepId, snapshot.Fields.ToJsonString()), (read[0].Snapshot!.PlaybookId, read[0].Snapshot!.StepId, read[0].Snapshot!.Fields.ToJsonString()));
        Assert.Equal(answer, read[1].Activity.Text);
        Assert.Null(read[1].Snapshot);
    }

    [Fact]
    public async Task Get_ReadsEntriesStoredWithTheSnapshotAsTextOfItsOwn()
    {
        var activity = TestActivities.Message("a", string.Join(' ', Enumerable.Repeat("long text", 60)));
        var compressed = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(Encoding.UTF8.GetBytes(ActivityJson.Serialize(activity)));
        }

        _context.Database.GetCollection(LiteDbTranscriptStore.CollectionName, LiteDB.BsonAutoId.Int64).Insert(new LiteDB.BsonDocument
        {
            ["conversationKey"] = "a",
            ["timestamp"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ["direction"] = "Inbound",
            ["caseId"] = 7L,
            ["snapshot"] = """{"playbookId":"missing-camera","stepId":"model","fields":{"when":"today"}}""",
            ["activityBr"] = compressed.ToArray(),
        });

        var entry = Assert.Single(await _store.GetAsync("a", default));

        Assert.Equal(activity.Text, entry.Activity.Text);
        Assert.Equal((7L, "missing-camera", "model"), (entry.CaseId, entry.Snapshot!.PlaybookId, entry.Snapshot.StepId));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatConversation()
    {
        await _store.AppendAsync([Entry("a", "a1"), Entry("b", "b1")], default);

        await _store.DeleteAsync("a", default);

        Assert.Empty(await _store.GetAsync("a", default));
        Assert.Single(await _store.GetAsync("b", default));
    }

    [Fact]
    public async Task Delete_LeavesNoTraceOfTheTextInTheFileAfterCheckpoint()
    {
        const string Secret = "UNIQUE-SECRET-4f1c9e";
        await _store.AppendAsync([Entry("a", Secret)], default);
        _context.Checkpoint();
        Assert.True(FileContains(Secret));

        await _store.DeleteAsync("a", default);
        _context.Checkpoint();

        Assert.False(FileContains(Secret));
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("case")]
    [InlineData("purge")]
    public async Task Deleting_LeavesNoTraceOfACasesTextSnapshotOrCompressedRepliesInTheFiles(string how)
    {
        var doomed = await RecordCaseAsync("DOOMED-7c1e", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var kept = await RecordCaseAsync("KEPT-2b9d", new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.Zero), turns: 2);
        _context.Checkpoint();
        var doomedBytes = StoredBytes(doomed.Id);
        doomedBytes.Add(Encoding.UTF8.GetBytes(doomed.ConversationKey));
        var before = FileBytes();
        Assert.All(doomedBytes, b => Assert.True(Contains(before, b), "the recorded case should be in the file before deleting it"));

        switch (how)
        {
            case "conversation":
                await _store.DeleteAsync(doomed.ConversationKey, default);
                break;
            case "case":
                Assert.True(await _store.DeleteCaseAsync(doomed.Id, default));
                break;
            default:
                Assert.Equal(1, await _store.PurgeAsync(doomed.LastActivityAt.AddDays(1), default));
                break;
        }

        _context.Checkpoint();

        var after = FileBytes();
        Assert.All(doomedBytes, b => Assert.False(Contains(after, b), $"{b.Length} bytes of the deleted case are still in the file"));
        Assert.All(StoredBytes(kept.Id), b => Assert.True(Contains(after, b)));
        Assert.True(Contains(after, Encoding.UTF8.GetBytes(kept.ConversationKey)));
        Assert.Equal(4, (await _store.GetCaseEntriesAsync(kept.Id, default)).Count);
    }

    [Fact]
    public async Task AppendTurn_WhenAnEntryCannotBeStored_SavesNeitherTheCaseNorAnyEntry()
    {
        var tooLongKey = new string('k', 2000);
        var transcriptCase = new TranscriptCase { ConversationKey = "a", StartedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow };

        await Assert.ThrowsAnyAsync<Exception>(() => _store.AppendTurnAsync(transcriptCase, [Entry("a", "fits"), Entry(tooLongKey, "does not fit")], default));

        Assert.Empty(await _store.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Empty(await _store.GetAsync("a", default));
        var next = await _store.AppendTurnAsync(transcriptCase, [Entry("a", "fits")], default);
        Assert.Single(await _store.GetCaseEntriesAsync(next.Id, default));
    }

    /// <summary>
    /// A finished case of many turns (several pages), whose marker appears in its conversation key, the
    /// inbound texts, the compressed replies, the snapshots and the summary.
    /// </summary>
    private async Task<TranscriptCase> RecordCaseAsync(string marker, DateTimeOffset at, int turns = 30)
    {
        var conversation = "conversation-" + marker;
        var saved = new TranscriptCase { ConversationKey = conversation, AgentName = "Agent " + marker, StartedAt = at, LastActivityAt = at };
        for (var turn = 1; turn <= turns; turn++)
        {
            var reply = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"{i}. Step {i} of turn {turn} of the ticket note for {marker}."));
            var snapshot = new TurnSnapshot("battery-belt-damage", "notes", new JsonObject { ["notes"] = $"field {turn} {marker}" });
            saved = await _store.AppendTurnAsync(
                saved with { Turns = turn, Status = turn == turns ? CaseStatus.Completed : CaseStatus.Open, LastActivityAt = at.AddMinutes(turn) },
                [Entry(conversation, $"inbound {turn} {marker}") with { Snapshot = snapshot }, Entry(conversation, reply, TranscriptDirection.Outbound)],
                default);
        }

        return saved;
    }

    /// <summary>Byte strings that only the case's documents contain: summary, texts and compressed payloads.</summary>
    private List<byte[]> StoredBytes(long caseId)
    {
        var result = new List<byte[]>();
        var summary = _context.Database.GetCollection(LiteDbTranscriptStore.CasesCollectionName).FindById(caseId);
        result.Add(Encoding.UTF8.GetBytes(summary["json"].AsString));
        foreach (var doc in _context.Database.GetCollection(LiteDbTranscriptStore.CollectionName).Find(LiteDB.Query.EQ(LiteDbTranscriptStore.CaseIdField, caseId)))
        {
            foreach (var (_, value) in doc)
            {
                if (value.IsBinary)
                {
                    result.Add(value.AsBinary);
                }
                else if (value.IsString && value.AsString.Length > 20)
                {
                    result.Add(Encoding.UTF8.GetBytes(value.AsString));
                }
            }
        }

        Assert.True(result.Count >= 5, $"expected the summary and several entry values, found {result.Count}");
        return result;
    }

    private bool FileContains(string text) => Contains(FileBytes(), Encoding.UTF8.GetBytes(text));

    private static bool Contains(List<byte[]> files, byte[] bytes) => files.Any(f => f.AsSpan().IndexOf(bytes) >= 0);

    /// <summary>The data file and the write-ahead log, as they are on disk.</summary>
    private List<byte[]> FileBytes()
    {
        var files = new List<byte[]>();
        foreach (var path in new[] { _file.Path, Path.ChangeExtension(_file.Path, null) + "-log.db" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(copy.ToArray());
        }

        return files;
    }

    private static TranscriptEntry Entry(string conversation, string text, TranscriptDirection direction = TranscriptDirection.Inbound) =>
        new(conversation, DateTimeOffset.UtcNow, direction, TestActivities.Message(conversation, text));
}
