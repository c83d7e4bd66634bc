using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Transcripts;

public sealed class TranscriptPurgeWorkerTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SignallingStore _store = new();
    private readonly ListLogger _logger = new();
    private TranscriptPurgeWorker? _worker;

    public void Dispose()
    {
        _worker?.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _worker?.Dispose();
    }

    [Fact]
    public async Task PurgeOnce_WithZeroRetention_KeepsEverythingForever()
    {
        var ancient = await SaveCaseAsync(lastActivity: DateTimeOffset.UnixEpoch);

        var removed = await Worker(TimeSpan.Zero).PurgeOnceAsync(default);

        Assert.Equal(0, removed);
        Assert.NotNull(await _store.GetCaseAsync(ancient.Id, default));
        Assert.Empty(_store.Cutoffs);
    }

    [Fact]
    public async Task PurgeOnce_DeletesCasesOlderThanTheRetentionAndKeepsNewerOnes()
    {
        var now = _time.GetUtcNow();
        var expired = await SaveCaseAsync(lastActivity: now.AddDays(-31));
        var recent = await SaveCaseAsync(lastActivity: now.AddDays(-29));

        var removed = await Worker(TimeSpan.FromDays(30)).PurgeOnceAsync(default);

        Assert.Equal(1, removed);
        Assert.Null(await _store.GetCaseAsync(expired.Id, default));
        Assert.NotNull(await _store.GetCaseAsync(recent.Id, default));
        Assert.Equal([now.AddDays(-30)], _store.Cutoffs);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Deleted 1 transcript cases", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeOnce_WithARetentionLongerThanTheCalendar_KeepsEverything()
    {
        var ancient = await SaveCaseAsync(lastActivity: DateTimeOffset.MinValue.AddDays(1));

        Assert.Equal(0, await Worker(TimeSpan.MaxValue).PurgeOnceAsync(default));

        Assert.NotNull(await _store.GetCaseAsync(ancient.Id, default));
    }

    [Fact]
    public async Task Worker_PurgesOnStartAndThenEveryInterval()
    {
        var worker = Worker(TimeSpan.FromDays(30), interval: TimeSpan.FromHours(1));
        await worker.StartAsync(default);
        await _store.NextPurgeAsync(Wait);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await _store.NextPurgeAsync(TimeSpan.FromMilliseconds(200)), "purged before the interval was up");
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await _store.NextPurgeAsync(Wait));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await _store.NextPurgeAsync(Wait));

        var start = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero).AddDays(-30);
        Assert.Equal([start, start.AddHours(1), start.AddHours(2)], _store.Cutoffs);
    }

    [Fact]
    public async Task Worker_WhenTheStoreFails_LogsItAndTriesAgainNextInterval()
    {
        _store.FailuresLeft = 1;
        var expired = await SaveCaseAsync(lastActivity: _time.GetUtcNow().AddDays(-40));
        var worker = Worker(TimeSpan.FromDays(30), interval: TimeSpan.FromHours(1));

        await worker.StartAsync(default);
        await _store.NextPurgeAsync(Wait);
        Assert.NotNull(await _store.GetCaseAsync(expired.Id, default));

        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await _store.NextPurgeAsync(Wait));

        Assert.Null(await _store.GetCaseAsync(expired.Id, default));
        var failure = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("tried again at the next interval", failure.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(failure.Exception);
        Assert.False(worker.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task Worker_StopsCleanlyWhenTheHostStops()
    {
        var worker = Worker(TimeSpan.FromDays(30), interval: TimeSpan.FromHours(1));
        await worker.StartAsync(default);
        await _store.NextPurgeAsync(Wait);

        await worker.StopAsync(default);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.DoesNotContain(_logger.Entries, e => e.Level == LogLevel.Error);
    }

    private TranscriptPurgeWorker Worker(TimeSpan retention, TimeSpan? interval = null)
    {
        var options = new TrainingOptions { TranscriptRetention = retention, PurgeInterval = interval ?? TimeSpan.FromHours(1) };
        _worker = new TranscriptPurgeWorker(_store, new FixedOptionsMonitor(options), _time, _logger);
        return _worker;
    }

    private Task<TranscriptCase> SaveCaseAsync(DateTimeOffset lastActivity) =>
        _store.AppendTurnAsync(
            new TranscriptCase { ConversationKey = "test/c-" + Guid.NewGuid().ToString("N"), StartedAt = lastActivity, LastActivityAt = lastActivity },
            [],
            default);

    /// <summary>A memory store that reports each purge (and can fail some) so tests can follow the worker.</summary>
    private sealed class SignallingStore : ITranscriptStore
    {
        private readonly MemoryTranscriptStore _inner = new();
        private readonly SemaphoreSlim _purged = new(0);

        public List<DateTimeOffset> Cutoffs { get; } = [];

        public int FailuresLeft { get; set; }

        public async Task<bool> NextPurgeAsync(TimeSpan timeout) => await _purged.WaitAsync(timeout);

        public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        {
            try
            {
                lock (Cutoffs)
                {
                    Cutoffs.Add(cutoff);
                }

                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new IOException("The disk went away (test).");
                }

                return await _inner.PurgeAsync(cutoff, cancellationToken);
            }
            finally
            {
                _purged.Release();
            }
        }

        public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) => _inner.AppendAsync(entries, cancellationToken);

        public Task<TranscriptCase> AppendTurnAsync(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) =>
            _inner.AppendTurnAsync(transcriptCase, entries, cancellationToken);

        public Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken) => _inner.GetAsync(conversationKey, cancellationToken);

        public Task<TranscriptCase?> GetCaseAsync(long caseId, CancellationToken cancellationToken) => _inner.GetCaseAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<TranscriptEntry>> GetCaseEntriesAsync(long caseId, CancellationToken cancellationToken) => _inner.GetCaseEntriesAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<TranscriptCase>> FindCasesAsync(TranscriptQuery query, CancellationToken cancellationToken) => _inner.FindCasesAsync(query, cancellationToken);

        public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken) => _inner.DeleteAsync(conversationKey, cancellationToken);

        public Task<bool> DeleteCaseAsync(long caseId, CancellationToken cancellationToken) => _inner.DeleteCaseAsync(caseId, cancellationToken);
    }

    private sealed class FixedOptionsMonitor(TrainingOptions value) : IOptionsMonitor<TrainingOptions>
    {
        public TrainingOptions CurrentValue => value;

        public TrainingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TrainingOptions, string?> listener) => null;
    }

    private sealed class ListLogger : ILogger<TranscriptPurgeWorker>
    {
        private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
