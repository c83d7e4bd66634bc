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
        if (retention <= TimeSpan.Zero)
        {
            return 0;
        }

        var cutoff = timeProvider.GetUtcNow() - retention;
        var removed = await store.PurgeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogPurged(logger, removed, cutoff);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.PurgeInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} transcript cases with no activity since {Cutoff}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript purge failed; it will be tried again at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
