using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.Transcripts;

/// <summary>Deletes transcripts older than <see cref="TrainingOptions.TranscriptRetention"/>, on start and every purge interval.</summary>
public sealed partial class TranscriptPurgeWorker(
    ITranscriptStore store,
    IOptionsMonitor<TrainingOptions> options,
    TimeProvider timeProvider,
    ILogger<TranscriptPurgeWorker> logger) : BackgroundService
{
    /// <summary>One purge pass; returns the number of cases removed.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.CurrentValue.TranscriptRetention;
        var now = timeProvider.GetUtcNow();

        // Zero keeps transcripts forever; so does a retention longer than the calendar goes back.
        if (retention <= TimeSpan.Zero || retention >= now - DateTimeOffset.MinValue)
        {
            return 0;
        }

        var cutoff = now - retention;
        var removed = await store.PurgeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogPurged(logger, removed, cutoff);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first pass, so passes start every interval however long each one takes.
        using var timer = new PeriodicTimer(options.CurrentValue.PurgeInterval, timeProvider);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (the disk, a timeout), the next interval tries again; the host stays up.
                LogPurgeFailed(logger, ex);
            }

            var interval = options.CurrentValue.PurgeInterval;
            if (timer.Period != interval)
            {
                timer.Period = interval;
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} transcript cases with no activity since {Cutoff}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript purge failed; it will be tried again at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
