using System.Text;
using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

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

    private bool FileContains(string text)
    {
        using var stream = new FileStream(_file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray()).Contains(text, StringComparison.Ordinal);
    }

    private static TranscriptEntry Entry(string conversation, string text, TranscriptDirection direction = TranscriptDirection.Inbound) =>
        new(conversation, DateTimeOffset.UtcNow, direction, TestActivities.Message(conversation, text));
}
