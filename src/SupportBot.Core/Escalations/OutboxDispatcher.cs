using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Escalations;

/// <summary>Sends outbox messages for one kind of destination (<c>local</c>, <c>conversation</c>, <c>teams:</c>, <c>slack:</c>).</summary>
public interface IOutboxChannel
{
    bool Handles(string destination);

    /// <summary>Sends the message; throws when the channel is unreachable. Must be idempotent on <see cref="OutboxMessage.Id"/>.</summary>
    Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers what the engine queued. A message is leased while it is being sent, marked delivered only
/// after the channel accepted it, and retried with doubling delays when the channel fails, so it is
/// never lost; channels are idempotent on the message id, so a retry never posts twice.
/// </summary>
public sealed partial class OutboxDispatcher(
    IEscalationStore store,
    IEnumerable<IOutboxChannel> channels,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly IOutboxChannel[] _channels = channels.ToArray();
    private readonly EscalationOptions _options = options.Value;

    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await store.ClaimOutboxAsync(now, now + Lease, 100, cancellationToken).ConfigureAwait(false);

        // Messages about different escalations go out in parallel (their writes then share commits);
        // those about one escalation keep their order.
        var results = await Task.WhenAll(claimed.GroupBy(m => m.EscalationId).Select(async group =>
        {
            var delivered = 0;
            foreach (var message in group)
            {
                delivered += await DeliverAsync(message, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            return delivered;
        })).ConfigureAwait(false);
        return results.Sum();
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var channel = _channels.FirstOrDefault(c => c.Handles(message.Destination));
        try
        {
            if (channel is null)
            {
                throw new InvalidOperationException($"No channel is configured for destination '{message.Destination}'.");
            }

            var escalation = await store.GetAsync(message.EscalationId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Escalation {message.EscalationId} no longer exists.");
            await channel.SendAsync(message, escalation, cancellationToken).ConfigureAwait(false);
            await store.MarkDeliveredAsync(message.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var delay = RetryDelay(message.Attempts);
            LogDeliveryFailed(logger, ex, message.Id, message.Destination, delay);
            await store.RescheduleAsync(message.Id, time.GetUtcNow() + delay, ex.Message, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>2 s, 4 s, 8 s ... up to the configured ceiling.</summary>
    public TimeSpan RetryDelay(int attemptsSoFar)
    {
        var factor = Math.Pow(2, Math.Min(attemptsSoFar, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.FirstRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
        return delay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox message {MessageId} to {Destination} failed; retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string messageId, string destination, TimeSpan delay);
}
