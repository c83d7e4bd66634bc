using System.Text.Json.Nodes;
using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbConcurrencyTests : IDisposable
{
    private readonly TempDbFile _file = new();
    private readonly LiteDbContext _context;
    private readonly LiteDbStorage _storage;
    private readonly LiteDbTranscriptStore _transcripts;

    public LiteDbConcurrencyTests()
    {
        _context = _file.Open();
        _storage = new LiteDbStorage(_context);
        _transcripts = new LiteDbTranscriptStore(_context);
    }

    public void Dispose()
    {
        _context.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task ParallelReadModifyWriteOnOwnKeys_WithTranscriptAppends_KeepsAllData()
    {
        const int Workers = 8;
        const int Cycles = 200;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var key = $"conv-{w}";
            for (var i = 0; i < Cycles; i++)
            {
                var read = await _storage.ReadAsync([key], default);
                var current = read.TryGetValue(key, out var item) ? (int)item.Document["n"]! : 0;
                await _storage.WriteAsync(
                    new Dictionary<string, StoreItem> { [key] = new(new JsonObject { ["n"] = current + 1 }, item?.ETag) }, default);
                await _transcripts.AppendAsync(
                [
                    new(key, DateTimeOffset.UtcNow, TranscriptDirection.Inbound, TestActivities.Message(key, $"in {i}")),
                    new(key, DateTimeOffset.UtcNow, TranscriptDirection.Outbound, TestActivities.Message(key, $"out {i}")),
                ], default);
            }
        })));

        for (var w = 0; w < Workers; w++)
        {
            var key = $"conv-{w}";
            Assert.Equal(Cycles, (int)(await _storage.ReadAsync([key], default))[key].Document["n"]!);
            var texts = (await _transcripts.GetAsync(key, default)).Select(e => e.Activity.Text).ToList();
            Assert.Equal(Enumerable.Range(0, Cycles).SelectMany(i => new[] { $"in {i}", $"out {i}" }), texts);
        }
    }

    [Fact]
    public async Task ParallelIncrementsOfOneKey_RetryingOnConflict_LoseNoUpdate()
    {
        const int Workers = 8;
        const int Increments = 50;
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["shared"] = new(new JsonObject { ["n"] = 0 }) }, default);

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < Increments;)
            {
                var item = (await _storage.ReadAsync(["shared"], default))["shared"];
                var next = new JsonObject { ["n"] = (int)item.Document["n"]! + 1 };
                try
                {
                    await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["shared"] = new(next, item.ETag) }, default);
                    done++;
                }
                catch (StorageConflictException)
                {
                    // Someone else won this round; read again.
                }
            }
        })));

        Assert.Equal(Workers * Increments, (int)(await _storage.ReadAsync(["shared"], default))["shared"].Document["n"]!);
    }
}
