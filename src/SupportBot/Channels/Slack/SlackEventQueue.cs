using System.Threading.Channels;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Events acknowledged to Slack and waiting for their turn, in one lane per worker. A conversation always
/// uses the same lane, so its messages are taken in the order they arrived while other conversations run in
/// parallel. Bounded: when a lane is full the request is refused so Slack retries later, instead of
/// SupportBot holding unbounded work in memory.
/// </summary>
public sealed class SlackEventQueue
{
    public const int Capacity = 256;

    private readonly Channel<SlackInboundEvent>[] _lanes = Enumerable.Range(0, SlackEventWorker.Concurrency)
        .Select(_ => Channel.CreateBounded<SlackInboundEvent>(new BoundedChannelOptions(Capacity / SlackEventWorker.Concurrency) { FullMode = BoundedChannelFullMode.Wait }))
        .ToArray();

    public bool TryEnqueue(SlackInboundEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(message.ConversationId) % (uint)_lanes.Length);
        return _lanes[lane].Writer.TryWrite(message);
    }

    internal ChannelReader<SlackInboundEvent> Lane(int index) => _lanes[index].Reader;
}

/// <summary>Runs queued Slack events through the <see cref="SlackAdapter"/>, after Slack has had its 200.</summary>
public sealed partial class SlackEventWorker(SlackEventQueue queue, SlackAdapter adapter, SupportBot.Storage.IStorage storage, ILogger<SlackEventWorker> logger) : BackgroundService
{
    /// <summary>Turns in flight at once, one per lane of <see cref="SlackEventQueue"/>.</summary>
    public const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(lane => RunAsync(lane, stoppingToken)));

    private async Task RunAsync(int lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Lane(lane).ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (message.OnlyInKnownThread && !await IsSupportBotThreadAsync(message, stoppingToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    var result = await adapter.ProcessAsync(message, stoppingToken).ConfigureAwait(false);
                    LogProcessed(logger, message.EventId, message.Channel, result.Replies.Count);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogFailed(logger, ex, message.EventId, message.Channel, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Whether the thread already has SupportBot conversation state (it began with a mention).</summary>
    private async Task<bool> IsSupportBotThreadAsync(SlackInboundEvent message, CancellationToken cancellationToken)
    {
        var key = SupportBot.State.ConversationStateMiddleware.StorageKeyFor(SlackAdapter.ChannelId + "/" + message.ConversationId);
        return (await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false)).ContainsKey(key);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} in {Channel} answered with {Replies} replies")]
    private static partial void LogProcessed(ILogger logger, string eventId, string channel, int replies);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack event {EventId} in {Channel} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId, string channel, string reason);
}
