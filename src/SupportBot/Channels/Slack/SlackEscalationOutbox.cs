using System.Globalization;
using System.Text.Json;
using SupportBot.Escalations;
using SupportBot.Host.Channels;
using SupportBot.Storage;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Delivers outbox messages for <c>slack:&lt;channel id&gt;</c> destinations. Each escalation gets one message per
/// channel: the first summary posts it (Block Kit, see <see cref="SlackBlocks"/>), later summaries replace it in place
/// with <c>chat.update</c>, and reminders and lead notices are posted in its thread (<c>thread_ts</c>).
/// </summary>
/// <remarks>
/// The message (channel and ts) is kept in <see cref="IStorage"/> under <c>slack-message/&lt;escalation id&gt;/&lt;channel&gt;</c>,
/// created with a null ETag so two senders can never both record one. Delivery is idempotent: a summary sent again updates
/// the message instead of posting a second one, and the ids of outbox messages already posted in the thread are remembered
/// so a redelivered reminder or notice is not posted twice.
/// </remarks>
public sealed partial class SlackEscalationOutbox(
    SlackWebApiClient slack,
    IStorage storage,
    TimeProvider time,
    ILogger<SlackEscalationOutbox> logger) : ChannelEscalationOutbox(DestinationPrefix, "Slack")
{
    public const string DestinationPrefix = "slack:";

    public const string MessageKeyPrefix = "slack-message/";

    /// <summary>How many posted outbox message ids a record remembers (reminders and notices are few per escalation).</summary>
    internal const int MaxRememberedPosts = 100;

    private const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string MessageKey(long escalationId, string channel) =>
        MessageKeyPrefix + escalationId.ToString(CultureInfo.InvariantCulture) + "/" + channel;

    /// <summary>Posts the escalation message, or, when the escalation already has one in this channel, updates it.</summary>
    protected override async Task SendSummaryAsync(Escalation escalation, string channel, CancellationToken cancellationToken)
    {
        var (record, _) = await ReadAsync(escalation.Id, channel, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            await PostMessageAsync(escalation, channel, cancellationToken).ConfigureAwait(false);
            return;
        }

        await UpdateMessageAsync(record, escalation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A reminder or a lead notice: a reply in the message's thread (the message is posted first if there is none yet).</summary>
    protected override async Task PostInThreadAsync(OutboxMessage message, Escalation escalation, string channel, CancellationToken cancellationToken)
    {
        var (record, _) = await ReadAsync(escalation.Id, channel, cancellationToken).ConfigureAwait(false);
        record ??= await PostMessageAsync(escalation, channel, cancellationToken).ConfigureAwait(false);
        if (record.Posted.ContainsKey(message.Id))
        {
            return;
        }

        var text = message.Text.Replace("{id}", escalation.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        text = SlackBlocks.Fit(SlackBlocks.Escape(string.IsNullOrWhiteSpace(text) ? $"Escalation #{escalation.Id}" : text), SlackBlocks.MaxFallbackText);
        var ts = await slack.PostMessageAsync(record.Channel, text, record.Ts, cancellationToken: cancellationToken).ConfigureAwait(false);
        await ChangeAsync(escalation.Id, channel, r => r.Remember(message.Id, ts ?? ""), cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackEscalationMessage> PostMessageAsync(Escalation escalation, string channel, CancellationToken cancellationToken)
    {
        var ts = await slack.PostMessageAsync(channel, SlackBlocks.FallbackText(escalation), blocks: SlackBlocks.ForEscalation(escalation), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (string.IsNullOrEmpty(ts))
        {
            throw new SlackApiException("chat.postMessage", "no_ts", "Slack accepted the escalation message but did not say its ts, so it cannot be updated later.");
        }

        var record = new SlackEscalationMessage
        {
            EscalationId = escalation.Id,
            Channel = channel,
            Ts = ts,
            CreatedAt = time.GetUtcNow(),
        };

        var key = MessageKey(escalation.Id, channel);
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = Item(record, etag: null) }, cancellationToken).ConfigureAwait(false);
            LogPosted(logger, escalation.Id, channel, ts);
            return record;
        }
        catch (StorageConflictException)
        {
            // Another sender posted the message for this escalation and channel first: keep theirs and bring it up to date.
            LogRace(logger, escalation.Id, channel, ts);
            var (winner, _) = await ReadAsync(escalation.Id, channel, cancellationToken).ConfigureAwait(false);
            if (winner is null)
            {
                throw;
            }

            await UpdateMessageAsync(winner, escalation, cancellationToken).ConfigureAwait(false);
            return winner;
        }
    }

    private Task UpdateMessageAsync(SlackEscalationMessage record, Escalation escalation, CancellationToken cancellationToken) =>
        slack.UpdateMessageAsync(record.Channel, record.Ts, SlackBlocks.FallbackText(escalation), SlackBlocks.ForEscalation(escalation), cancellationToken);

    /// <summary>Reads, changes and writes the record under its ETag, again from the top when someone else wrote first.</summary>
    private async Task ChangeAsync(long escalationId, string channel, Action<SlackEscalationMessage> change, CancellationToken cancellationToken)
    {
        var key = MessageKey(escalationId, channel);
        for (var attempt = 1; ; attempt++)
        {
            var (record, etag) = await ReadAsync(escalationId, channel, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return;
            }

            change(record);
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = Item(record, etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private async Task<(SlackEscalationMessage? Record, string? ETag)> ReadAsync(long escalationId, string channel, CancellationToken cancellationToken)
    {
        var key = MessageKey(escalationId, channel);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item)
            ? (JsonSerializer.Deserialize<SlackEscalationMessage>(item.Json, Json), item.ETag)
            : (null, null);
    }

    private static StoreItem Item(SlackEscalationMessage record, string? etag) => new(JsonSerializer.Serialize(record, Json), etag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {EscalationId} posted to Slack channel {Channel} as message {Ts}")]
    private static partial void LogPosted(ILogger logger, long escalationId, string channel, string ts);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Escalation {EscalationId} already had a message in Slack channel {Channel} when message {Ts} was posted; the earlier one is kept")]
    private static partial void LogRace(ILogger logger, long escalationId, string channel, string ts);
}

/// <summary>The stored record of an escalation's message in one Slack channel.</summary>
public sealed class SlackEscalationMessage
{
    public long EscalationId { get; set; }

    public string Channel { get; set; } = "";

    /// <summary>The message's ts (a string, never a number): updated by summaries, the thread_ts of replies.</summary>
    public string Ts { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Outbox message id → ts of the reply it became, so a redelivered notice is not posted again.</summary>
    public Dictionary<string, string> Posted { get; set; } = new(StringComparer.Ordinal);

    internal void Remember(string messageId, string ts)
    {
        Posted[messageId] = ts;
        while (Posted.Count > SlackEscalationOutbox.MaxRememberedPosts)
        {
            Posted.Remove(Posted.Keys.First());
        }
    }
}
