using System.Text.Json.Nodes;
using SupportBot.Activities;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// Teams writes a mentioned colleague into the text as <c>&lt;at&gt;Name&lt;/at&gt;</c> and gives their id in a
/// <c>mention</c> entity; filters are by user id, so "by @Colleague" becomes "by &lt;their id&gt;".
/// </summary>
public static class MentionedUsers
{
    public static string WithIds(Activity activity, string text)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity["type"]?.GetValue<string>() != "mention"
                || entity["text"] is not JsonValue mentionText || !mentionText.TryGetValue<string>(out var written) || written.Length == 0
                || entity["mentioned"]?["id"] is not JsonValue mentionedId || !mentionedId.TryGetValue<string>(out var id) || id.Length == 0
                || id == activity.Recipient?.Id)
            {
                continue;
            }

            text = text.Replace(written, id, StringComparison.Ordinal);
        }

        return text;
    }
}
