using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Escalations;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>What only a file-backed store can get wrong: persistence, and concurrent writers sharing it.</summary>
public sealed class LiteDbEscalationStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDbFile _file = new();
    private LiteDbContext _context;
    private LiteDbEscalationStore _store;

    public LiteDbEscalationStoreTests()
    {
        _context = _file.Open();
        _store = new LiteDbEscalationStore(_context);
    }

    public void Dispose()
    {
        _context.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task Reopen_KeepsEscalationsVersionsAndOutboxState()
    {
        var open = await _store.CreateAsync(Escalation("open", dueAt: T0.AddMinutes(-1)),
            [Message("delivered", T0), Message("rescheduled", T0.AddSeconds(1)), Message("leased", T0.AddSeconds(2)), Message("pending", T0.AddSeconds(3))], None);
        var closed = await _store.CreateAsync(Escalation("closed", dueAt: T0.AddMinutes(-1)), [], None);
        closed.Status = EscalationStatus.Resolved;
        Assert.True(await _store.UpdateAsync(closed, [], None));
        var outbox = (await _store.OutboxAsync(open.Id, None)).ToDictionary(m => m.Text);
        await _store.MarkDeliveredAsync(outbox["delivered"].Id, T0, None);
        await _store.RescheduleAsync(outbox["rescheduled"].Id, T0.AddMinutes(5), "503", None);
        Assert.Equal(["leased", "pending"], (await _store.ClaimOutboxAsync(T0.AddSeconds(3), T0.AddMinutes(10), 2, None)).Select(m => m.Text));

        Reopen();

        Assert.Equal(2, (await _store.GetAsync(closed.Id, None))!.Version);
        Assert.Equal(["open"], (await _store.DueAsync(T0, None)).Select(e => e.Summary));
        Assert.Equal(["closed", "open"], (await _store.ListAsync(includeClosed: true, None)).Select(e => e.Summary));
        var reopened = (await _store.OutboxAsync(open.Id, None)).ToDictionary(m => m.Text);
        Assert.Equal(T0, reopened["delivered"].DeliveredAt);
        Assert.Equal(1, reopened["rescheduled"].Attempts);
        Assert.Equal("503", reopened["rescheduled"].LastError);
        Assert.Empty(await _store.ClaimOutboxAsync(T0.AddMinutes(4), T0.AddMinutes(20), 10, None));
        Assert.Equal(["rescheduled"], (await _store.ClaimOutboxAsync(T0.AddMinutes(5), T0.AddMinutes(20), 10, None)).Select(m => m.Text));
        Assert.Equal(["leased", "pending"], (await _store.ClaimOutboxAsync(T0.AddMinutes(10), T0.AddMinutes(20), 10, None)).Select(m => m.Text));
    }

    [Fact]
    public async Task Reopen_ContinuesIdsAndQueueOrderAfterTheStoredOnes()
    {
        var first = await _store.CreateAsync(Escalation("first", dueAt: null), [Message("before reopen", T0)], None);

        Reopen();
        var read = (await _store.GetAsync(first.Id, None))!;
        Assert.True(await _store.UpdateAsync(read, [Message("after reopen", T0)], None));
        var second = await _store.CreateAsync(Escalation("second", dueAt: null), [], None);

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(["before reopen", "after reopen"], (await _store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 10, None)).Select(m => m.Text));
    }

    [Fact]
    public async Task ParallelCreates_GetDistinctIds()
    {
        const int Creators = 8;

        var created = await Task.WhenAll(Enumerable.Range(0, Creators).Select(i => Task.Run(() =>
            _store.CreateAsync(Escalation($"e{i}", dueAt: null), [Message($"m{i}", T0)], None))));

        Assert.Equal(Enumerable.Range(1, Creators).Select(i => (long)i), created.Select(e => e.Id).Order());
        foreach (var escalation in created)
        {
            Assert.Equal(escalation.Summary, (await _store.GetAsync(escalation.Id, None))!.Summary);
            var message = Assert.Single(await _store.OutboxAsync(escalation.Id, None));
            Assert.Equal("m" + escalation.Summary[1..], message.Text);
        }
    }

    [Fact]
    public async Task ParallelUpdatesFromTheSameVersion_ExactlyOneWins()
    {
        const int Writers = 8;
        var created = await _store.CreateAsync(Escalation("original", dueAt: null), [], None);

        var copies = new List<Escalation>();
        for (var i = 0; i < Writers; i++)
        {
            var copy = (await _store.GetAsync(created.Id, None))!;
            copy.Summary = $"writer {i}";
            copies.Add(copy);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() =>
            _store.UpdateAsync(copies[i], [Message($"from writer {i}", T0)], None))));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => results[i]);
        var stored = (await _store.GetAsync(created.Id, None))!;
        Assert.Equal($"writer {winner}", stored.Summary);
        Assert.Equal(2, stored.Version);
        Assert.Equal([$"from writer {winner}"], (await _store.OutboxAsync(created.Id, None)).Select(m => m.Text));
    }

    [Fact]
    public async Task ParallelClaimers_NeverGetTheSameMessage()
    {
        const int Messages = 20;
        var created = await _store.CreateAsync(Escalation("e", dueAt: null),
            [.. Enumerable.Range(0, Messages).Select(i => Message($"m{i}", T0.AddMilliseconds(i)))], None);
        using var start = new Barrier(2);

        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            var mine = new List<string>();

            // Bounded, so a lease that fails to hold shows up as duplicates rather than an endless loop.
            for (var round = 0; round <= Messages; round++)
            {
                var batch = await _store.ClaimOutboxAsync(T0.AddMinutes(1), T0.AddMinutes(10), 3, None);
                if (batch.Count == 0)
                {
                    break;
                }

                mine.AddRange(batch.Select(m => m.Id));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((await _store.OutboxAsync(created.Id, None)).Select(m => m.Id).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddLiteDbStorage_RegistersTheEscalationStoreOnTheSharedContext()
    {
        _context.Dispose();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = _file.Path })
            .Build();
        using var provider = new ServiceCollection().AddLiteDbStorage(configuration).BuildServiceProvider();

        var store = provider.GetRequiredService<IEscalationStore>();

        Assert.IsType<LiteDbEscalationStore>(store);
        Assert.Same(store, provider.GetRequiredService<IEscalationStore>());
    }

    private void Reopen()
    {
        _context.Dispose();
        _context = _file.Open();
        _store = new LiteDbEscalationStore(_context);
    }

    private static Escalation Escalation(string summary, DateTimeOffset? dueAt) => new()
    {
        PlaybookId = "router-down",
        Route = "escalation-lead",
        Summary = summary,
        CreatedAt = T0,
        DueAt = dueAt,
    };

    private static OutboxMessage Message(string text, DateTimeOffset createdAt) => new()
    {
        Text = text,
        CreatedAt = createdAt,
        NextAttemptAt = createdAt,
    };
}
