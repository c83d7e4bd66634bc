using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Host.Channels.Teams;

/// <summary>
/// In group chats and channels Teams only delivers messages that @mention the bot, and the mention is part of the
/// text (<c>&lt;at&gt;SupportBot&lt;/at&gt; cust says ...</c>). The bot's own mention is removed before the turn runs,
/// the way the SDK's <c>removeRecipientMention</c> does it.
/// </summary>
public static class TeamsMentions
{
    public const string MentionType = "mention";

    /// <summary>
    /// For a Teams message: among the <c>mention</c> entities whose <c>mentioned.id</c> equals <c>recipient.id</c>, takes
    /// the first, deletes its <c>text</c> at its first occurrence in <see cref="Activity.Text"/>, then trims the text.
    /// Other mentions stay; a mention that only carries the bot's name (another id) is not the bot's. Other channels and
    /// activity types are left alone.
    /// </summary>
    /// <returns>True when a mention of the bot was removed.</returns>
    public static bool RemoveRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message
            || !string.Equals(activity.ChannelId, TeamsActivityConverter.ChannelId, StringComparison.Ordinal)
            || activity.Text is not { Length: > 0 } text
            || activity.Recipient?.Id is not { Length: > 0 } botId
            || activity.Entities is not { Count: > 0 } entities)
        {
            return false;
        }

        var mention = entities.FirstOrDefault(e =>
            StringOf(e["type"]) == MentionType && e["mentioned"] is JsonObject mentioned && StringOf(mentioned["id"]) == botId);
        if (mention is null || StringOf(mention["text"]) is not { Length: > 0 } mentionText)
        {
            return false;
        }

        // As the SDK does: the text is trimmed even when the mention's text is not found in it.
        var at = text.IndexOf(mentionText, StringComparison.Ordinal);
        activity.Text = (at < 0 ? text : text.Remove(at, mentionText.Length)).Trim();
        return at >= 0;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
