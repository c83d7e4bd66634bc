using SupportBot.Escalations;

namespace SupportBot.Host.Channels;

/// <summary>
/// The shape every chat-platform escalation channel shares: destinations <c>&lt;prefix&gt;&lt;channel&gt;</c>,
/// a summary posted once and then updated in place, and reminders and notices posted under it.
/// </summary>
public abstract class ChannelEscalationOutbox(string destinationPrefix, string platform) : IOutboxChannel
{
    public bool Handles(string destination) =>
        destination is not null
        && destination.StartsWith(destinationPrefix, StringComparison.Ordinal)
        && !string.IsNullOrWhiteSpace(destination[destinationPrefix.Length..]);

    public async Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(escalation);
        if (!Handles(message.Destination))
        {
            throw new ArgumentException($"'{message.Destination}' is not a {platform} channel destination.", nameof(message));
        }

        var channel = message.Destination[destinationPrefix.Length..].Trim();
        if (message.Kind == OutboxKinds.Summary)
        {
            await SendSummaryAsync(escalation, channel, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await PostInThreadAsync(message, escalation, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts the escalation's summary, or updates it in place when it was posted before.</summary>
    protected abstract Task SendSummaryAsync(Escalation escalation, string channel, CancellationToken cancellationToken);

    /// <summary>A reminder or a notice, posted under the summary.</summary>
    protected abstract Task PostInThreadAsync(OutboxMessage message, Escalation escalation, string channel, CancellationToken cancellationToken);
}
