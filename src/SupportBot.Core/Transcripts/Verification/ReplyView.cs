using System.Text.Json.Nodes;
using SupportBot.Activities;

namespace SupportBot.Transcripts.Verification;

/// <summary>
/// The parts of a reply that verification compares: its type, its text, the titles of its buttons and,
/// per attachment, the content type with the attachment's name and title. Attachments are not compared
/// field by field: the outcome card repeats what the reply's text already says, and comparing its whole
/// JSON would fail every recording whenever the card gains a property nobody sees.
/// </summary>
internal sealed record ReplyView(string Type, string Text, IReadOnlyList<string> Buttons, IReadOnlyList<string> Attachments)
{
    public static ReplyView Of(Activity reply) => new(
        reply.Type,
        VolatileTokens.Normalize(reply.Text),
        reply.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [],
        reply.Attachments?.Select(Describe).ToList() ?? []);

    /// <summary>A one-line description for a reply that is missing or extra.</summary>
    public string Summary =>
        Text.Length > 0 ? FirstLine(Text)
        : Attachments.Count > 0 ? "attachment " + Attachments[0]
        : "(" + Type + ")";

    private static string Describe(Attachment attachment)
    {
        var parts = new List<string> { attachment.ContentType ?? "(no content type)" };
        if (!string.IsNullOrEmpty(attachment.Name))
        {
            parts.Add("name \"" + attachment.Name + "\"");
        }

        if (attachment.Content is JsonObject content && (TextOf(content, "title") ?? TextOf(content, "text")) is { } key)
        {
            parts.Add("\"" + VolatileTokens.Normalize(key) + "\"");
        }

        return string.Join(' ', parts);
    }

    private static string? TextOf(JsonObject content, string property) =>
        content[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end] + " ...";
    }
}
