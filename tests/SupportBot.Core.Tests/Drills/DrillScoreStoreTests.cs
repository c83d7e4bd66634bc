using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Drills;
using SupportBot.Knowledge;
using SupportBot.Storage;

namespace SupportBot.Tests.Drills;

public sealed class DrillScoreStoreTests
{
    private static readonly QuizQuestion Notes = new QuizBank([new KnowledgeEntry("notes-when", "when do I leave a note?", "After every customer interaction.", ["notes"], null, null)]).Questions[0];
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Update_creates_the_record_and_lists_the_trainee_in_the_index()
    {
        var store = new DrillScoreStore(new MemoryStorage(), NullLogger<DrillScoreStore>.Instance);

        await store.UpdateAsync("agent-1", "Test Agent", r => r.AddAnswer(Notes, QuizVerdict.Wrong, Now), CancellationToken.None);

        var listed = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal("agent-1", listed.TraineeId);
        Assert.Equal("Test Agent", listed.TraineeName);
        Assert.Equal(1, listed.Topics["notes"].Missed);
    }

    [Fact]
    public async Task Update_retries_when_another_writer_got_there_first_and_keeps_both_changes()
    {
        var storage = new InterferingStorage(new MemoryStorage());
        var store = new DrillScoreStore(storage, NullLogger<DrillScoreStore>.Instance);
        await store.UpdateAsync("agent-1", null, r => r.AddAnswer(Notes, QuizVerdict.Correct, Now), CancellationToken.None);

        // Between this update's read and its write, another conversation of the same trainee saves an answer.
        storage.BeforeNextWrite = () => store.UpdateAsync("agent-1", null, r => r.AddAnswer(Notes, QuizVerdict.Correct, Now), CancellationToken.None);
        await store.UpdateAsync("agent-1", null, r => r.AddAnswer(Notes, QuizVerdict.Wrong, Now), CancellationToken.None);

        var record = await store.GetAsync("agent-1", CancellationToken.None);
        Assert.Equal(3, record!.QuizAnswered);
        Assert.Equal(2, record.QuizCorrect);
    }

    [Fact]
    public async Task Keys_of_unusual_user_ids_are_escaped_and_long_ones_hashed()
    {
        Assert.Equal("drills/trainee/29%3Aabc%2Fdef", DrillScoreStore.KeyFor("29:abc/def"));
        Assert.True(DrillScoreStore.KeyFor(new string('x', 500)).Length < 100);

        var store = new DrillScoreStore(new MemoryStorage(), NullLogger<DrillScoreStore>.Instance);
        await store.UpdateAsync("29:abc/def", null, r => r.AddAnswer(Notes, QuizVerdict.Correct, Now), CancellationToken.None);
        Assert.Equal(1, (await store.GetAsync("29:abc/def", CancellationToken.None))!.QuizCorrect);
    }

    [Fact]
    public async Task Unreadable_record_is_left_out_of_the_list_and_never_overwritten()
    {
        var storage = new MemoryStorage();
        var store = new DrillScoreStore(storage, NullLogger<DrillScoreStore>.Instance);
        await store.UpdateAsync("agent-1", null, r => r.AddAnswer(Notes, QuizVerdict.Correct, Now), CancellationToken.None);
        await store.UpdateAsync("agent-2", null, r => r.AddAnswer(Notes, QuizVerdict.Correct, Now), CancellationToken.None);
        var broken = DrillScoreStore.KeyFor("agent-2");
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [broken] = new("""{"quizAnswered":"many"}""", StoreItem.AnyETag) }, CancellationToken.None);

        var listed = await store.ListAsync(CancellationToken.None);
        var update = () => store.UpdateAsync("agent-2", null, r => r.AddAnswer(Notes, QuizVerdict.Correct, Now), CancellationToken.None);

        Assert.Equal(["agent-1"], listed.Select(r => r.TraineeId));
        var error = await Assert.ThrowsAsync<InvalidDataException>(update);
        Assert.Contains(broken, error.Message);
        Assert.Equal("""{"quizAnswered":"many"}""", (await storage.ReadAsync([broken], CancellationToken.None))[broken].Json);
    }

    /// <summary>Runs someone else's write just before the next write, to force an ETag conflict.</summary>
    private sealed class InterferingStorage(IStorage inner) : IStorage
    {
        public Func<Task>? BeforeNextWrite { get; set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            inner.ReadAsync(keys, cancellationToken);

        public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
        {
            if (BeforeNextWrite is { } interference)
            {
                BeforeNextWrite = null;
                await interference();
            }

            return await inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
    }
}
