using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Host.Channels.Slack;

/// <summary>A Slack message SupportBot should answer, taken from an <c>event_callback</c>.</summary>
/// <param name="ThreadTs">The thread replies go to, or null to answer at the top level (a DM outside a thread).</param>
public sealed partial record SlackInboundEvent(
    string EventId, string? TeamId, string Channel, string User, string Text, string Ts, string? ThreadTs, bool IsDirectMessage, string? BotUserId)
{
    /// <summary>
    /// A plain reply in a channel thread (no mention): answered only when the thread is a SupportBot
    /// conversation already (it began with a mention), so SupportBot never joins other people's threads.
    /// </summary>
    public bool OnlyInKnownThread { get; init; }

    /// <summary>The SupportBot conversation: the channel, or <c>channel:thread_ts</c> for a thread.</summary>
    public string ConversationId => ThreadTs is null ? Channel : Channel + ":" + ThreadTs;

    /// <summary>Maps an event_callback body to an event to answer, or null when it is to be ignored (with why).</summary>
    public static SlackInboundEvent? TryParse(JsonElement root, out string? ignoredBecause)
    {
        ignoredBecause = null;
        if (!root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            ignoredBecause = "no event";
            return null;
        }

        var type = Str(e, "type");
        var channelType = Str(e, "channel_type");
        var isMention = type == "app_mention";
        var isDm = type == "message" && channelType == "im";
        var isThreadReply = type == "message" && channelType is "channel" or "group" && Str(e, "thread_ts") is not null;
        if (!isMention && !isDm && !isThreadReply)
        {
            ignoredBecause = $"event type {type}/{channelType} is not handled";
            return null;
        }

        if (Str(e, "bot_id") is not null || e.TryGetProperty("bot_profile", out _))
        {
            ignoredBecause = "sent by a bot";
            return null;
        }

        if (Str(e, "subtype") is { } subtype)
        {
            ignoredBecause = "subtype " + subtype;
            return null;
        }

        var botUserId = FindBotUserId(root);
        var user = Str(e, "user");
        var channel = Str(e, "channel");
        var ts = Str(e, "ts");
        if (user is null || channel is null || ts is null)
        {
            ignoredBecause = "user, channel or ts missing";
            return null;
        }

        if (user == botUserId)
        {
            ignoredBecause = "sent by this bot";
            return null;
        }

        var text = Str(e, "text") ?? "";
        if (isMention)
        {
            text = botUserId is null
                ? LeadingMentions().Replace(text, "")
                : text.Replace("<@" + botUserId + ">", "", StringComparison.Ordinal);
            text = text.Trim();
        }

        // A channel mention is answered in a thread under it; a DM is answered in place unless it is in a thread.
        var threadTs = Str(e, "thread_ts") ?? (isDm && !isMention ? null : ts);
        var eventId = Str(root, "event_id") ?? ts;
        if (isThreadReply && botUserId is not null && text.Contains("<@" + botUserId + ">", StringComparison.Ordinal))
        {
            // The same message also arrives as app_mention, which is the one answered.
            ignoredBecause = "thread reply that mentions the bot";
            return null;
        }

        return new SlackInboundEvent(eventId, Str(root, "team_id"), channel, user, text, ts, threadTs, isDm, botUserId) { OnlyInKnownThread = isThreadReply };
    }

    private static string? FindBotUserId(JsonElement root)
    {
        if (root.TryGetProperty("authorizations", out var auths) && auths.ValueKind == JsonValueKind.Array)
        {
            foreach (var auth in auths.EnumerateArray())
            {
                if (auth.ValueKind == JsonValueKind.Object && auth.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
                {
                    return Str(auth, "user_id");
                }
            }
        }

        return null;
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    [GeneratedRegex(@"^(\s*<@[UW][A-Z0-9]+(\|[^>]*)?>)+")]
    private static partial Regex LeadingMentions();
}
