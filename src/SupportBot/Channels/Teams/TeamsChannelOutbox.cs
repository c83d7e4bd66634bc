using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.Teams.Cards;
using SupportBot.Storage;

namespace SupportBot.Host.Channels.Teams;

/// <summary>
/// Delivers outbox messages for <c>teams:&lt;channel id&gt;</c> destinations (<c>19:...@thread.tacv2</c>). Each escalation
/// gets one thread per channel: the first summary starts it with the escalation card, later summaries replace that card
/// in place, and reminders and lead notices are posted as replies in the thread.
/// </summary>
/// <remarks>
/// The thread (conversation id, id of the card activity, serviceUrl) is kept in <see cref="IStorage"/> under
/// <c>teams-thread/&lt;escalation id&gt;/&lt;channel id&gt;</c>, created with a null ETag so two senders can never both
/// record one. Delivery is idempotent: a summary sent again updates the card instead of starting a second thread, and
/// the ids of outbox messages already posted in the thread are remembered so a redelivered notice is not posted twice.
/// New threads go to the serviceUrl the channel was registered with from Teams, else <c>Teams:ServiceUrl</c>.
/// </remarks>
public sealed partial class TeamsChannelOutbox(
    ConnectorClient connector,
    IStorage storage,
    TeamsRouteRegistry registry,
    IOptions<TeamsChannelOptions> options,
    TimeProvider time,
    ILogger<TeamsChannelOutbox> logger) : ChannelEscalationOutbox(DestinationPrefix, "Teams")
{
    public const string DestinationPrefix = "teams:";

    public const string ThreadKeyPrefix = "teams-thread/";

    /// <summary>How many posted outbox message ids a thread remembers (reminders and notices are few per escalation).</summary>
    internal const int MaxRememberedPosts = 100;

    private const int MaxAttempts = 5;
    private readonly TeamsChannelOptions _options = options.Value;

    public static string ThreadKey(long escalationId, string channelId) =>
        ThreadKeyPrefix + escalationId.ToString(CultureInfo.InvariantCulture) + "/" + channelId;

    /// <summary>Starts the thread with the card, or, when the escalation already has one in this channel, updates its card.</summary>
    protected override async Task SendSummaryAsync(Escalation escalation, string channelId, CancellationToken cancellationToken)
    {
        var (thread, _) = await ReadThreadAsync(escalation.Id, channelId, cancellationToken).ConfigureAwait(false);
        if (thread is null)
        {
            await StartThreadAsync(escalation, channelId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await UpdateCardAsync(thread, escalation, channelId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A reminder or a lead notice: a reply in the escalation's thread (started first if it has none yet).</summary>
    protected override async Task PostInThreadAsync(OutboxMessage message, Escalation escalation, string channelId, CancellationToken cancellationToken)
    {
        var (thread, _) = await ReadThreadAsync(escalation.Id, channelId, cancellationToken).ConfigureAwait(false);
        thread ??= await StartThreadAsync(escalation, channelId, cancellationToken).ConfigureAwait(false);
        if (thread.Posted.ContainsKey(message.Id))
        {
            return;
        }

        var text = message.Text.Replace("{id}", escalation.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var posted = await connector.SendToConversationAsync(
            thread.ServiceUrl, thread.ConversationId, new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken).ConfigureAwait(false);
        await ChangeThreadAsync(escalation.Id, channelId, t => t.Remember(message.Id, posted?.Id ?? ""), cancellationToken).ConfigureAwait(false);
    }

    private async Task<TeamsThread> StartThreadAsync(Escalation escalation, string channelId, CancellationToken cancellationToken)
    {
        var registered = (await registry.ChannelsAsync(escalation.Route, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => string.Equals(c.ChannelId, channelId, StringComparison.Ordinal));
        var serviceUrl = registered?.ServiceUrl is { Length: > 0 } learned ? learned : _options.ServiceUrl;
        var tenantId = registered?.TenantId is { Length: > 0 } tenant ? tenant : _options.TenantId;

        var created = await connector.CreateConversationAsync(serviceUrl, channelId, tenantId, CardActivity(escalation), cancellationToken)
            .ConfigureAwait(false);
        var thread = new TeamsThread
        {
            EscalationId = escalation.Id,
            ChannelId = channelId,
            ConversationId = created.Id,
            ActivityId = created.ActivityId is { Length: > 0 } activityId ? activityId : RootMessageId(created.Id),
            ServiceUrl = created.ServiceUrl is { Length: > 0 } answered ? answered : serviceUrl,
            CreatedAt = time.GetUtcNow(),
        };

        var key = ThreadKey(escalation.Id, channelId);
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = Item(thread, etag: null) }, cancellationToken).ConfigureAwait(false);
            LogThreadStarted(logger, escalation.Id, channelId, thread.ConversationId);
            return thread;
        }
        catch (StorageConflictException)
        {
            // Another sender started a thread for this escalation and channel first: keep theirs, bring its card up to date.
            LogThreadRace(logger, escalation.Id, channelId, thread.ConversationId);
            var (winner, _) = await ReadThreadAsync(escalation.Id, channelId, cancellationToken).ConfigureAwait(false);
            if (winner is null)
            {
                throw;
            }

            await UpdateCardAsync(winner, escalation, channelId, cancellationToken).ConfigureAwait(false);
            return winner;
        }
    }

    private async Task UpdateCardAsync(TeamsThread thread, Escalation escalation, string channelId, CancellationToken cancellationToken)
    {
        if (thread.ActivityId is { Length: > 0 } activityId)
        {
            await connector.UpdateActivityAsync(thread.ServiceUrl, thread.ConversationId, activityId, CardActivity(escalation), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        // The connector never told us the card's id: post the current card in the thread and update that one from now on.
        var posted = await connector.SendToConversationAsync(thread.ServiceUrl, thread.ConversationId, CardActivity(escalation), cancellationToken)
            .ConfigureAwait(false);
        if (posted?.Id is { Length: > 0 } postedId)
        {
            await ChangeThreadAsync(escalation.Id, channelId, t => t.ActivityId = postedId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads, changes and writes the thread document under its ETag, again from the top when someone else wrote first.</summary>
    private async Task ChangeThreadAsync(long escalationId, string channelId, Action<TeamsThread> change, CancellationToken cancellationToken)
    {
        var key = ThreadKey(escalationId, channelId);
        for (var attempt = 1; ; attempt++)
        {
            var (thread, etag) = await ReadThreadAsync(escalationId, channelId, cancellationToken).ConfigureAwait(false);
            if (thread is null)
            {
                return;
            }

            change(thread);
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = Item(thread, etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private async Task<(TeamsThread? Thread, string? ETag)> ReadThreadAsync(long escalationId, string channelId, CancellationToken cancellationToken)
    {
        var key = ThreadKey(escalationId, channelId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item)
            ? (JsonSerializer.Deserialize<TeamsThread>(item.Json, ActivityJson.Options), item.ETag)
            : (null, null);
    }

    private static StoreItem Item(TeamsThread thread, string? etag) => new(JsonSerializer.Serialize(thread, ActivityJson.Options), etag);

    private Activity CardActivity(Escalation escalation) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [AdaptiveCards.ToAttachment(AdaptiveCards.ForEscalation(escalation, time.GetUtcNow()))],
    };

    /// <summary>A channel thread's conversation id ends in <c>;messageid=&lt;root id&gt;</c>, the id of its first message.</summary>
    internal static string? RootMessageId(string conversationId)
    {
        const string Marker = ";messageid=";
        var at = conversationId.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && at + Marker.Length < conversationId.Length ? conversationId[(at + Marker.Length)..] : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {EscalationId} started thread {ConversationId} in Teams channel {ChannelId}")]
    private static partial void LogThreadStarted(ILogger logger, long escalationId, string channelId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Escalation {EscalationId} already had a thread in Teams channel {ChannelId} when thread {ConversationId} was started; the earlier one is kept")]
    private static partial void LogThreadRace(ILogger logger, long escalationId, string channelId, string conversationId);
}

/// <summary>The stored record of an escalation's thread in one Teams channel.</summary>
public sealed class TeamsThread
{
    public long EscalationId { get; set; }

    public string ChannelId { get; set; } = "";

    /// <summary>The thread's conversation id, <c>19:...@thread.tacv2;messageid=...</c>.</summary>
    public string ConversationId { get; set; } = "";

    /// <summary>The id of the message carrying the escalation card, which summaries update in place.</summary>
    public string? ActivityId { get; set; }

    public string ServiceUrl { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Outbox message id → id of the reply it became, so a redelivered notice is not posted again.</summary>
    public Dictionary<string, string> Posted { get; set; } = new(StringComparer.Ordinal);

    internal void Remember(string messageId, string activityId)
    {
        Posted[messageId] = activityId;
        while (Posted.Count > TeamsChannelOutbox.MaxRememberedPosts)
        {
            Posted.Remove(Posted.Keys.First());
        }
    }
}
