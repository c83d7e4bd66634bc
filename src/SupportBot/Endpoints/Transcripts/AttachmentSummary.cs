using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Playbooks;

namespace SupportBot.Host.Endpoints.Transcripts;

/// <summary>A short line saying what an attachment showed, so a replay can mention it without rendering it.</summary>
public static class AttachmentSummary
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private const int MaxLength = 200;
    private const int MaxCardLines = 3;

    public static string Describe(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.ContentType switch
        {
            OutcomeRenderer.ContentType => DescribeOutcome(attachment.Content),
            AdaptiveCardContentType => DescribeCard(attachment.Content),
            _ => Shorten(attachment.Name ?? attachment.ContentType ?? "attachment"),
        };
    }

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 3), "...");
    }

    private static string DescribeOutcome(JsonNode? content)
    {
        var title = Text(content?["title"]);
        var category = Text(content?["dispositionCategory"]);
        var name = Text(content?["dispositionName"]);
        var disposition = category is null && name is null ? null : $" (disposition: {category} > {name})";
        return Shorten("Outcome: " + (title ?? "untitled") + disposition);
    }

    private static string DescribeCard(JsonNode? content)
    {
        var lines = new List<string>();
        CollectTextBlocks(content?["body"], lines);
        return Shorten(lines.Count == 0 ? "Adaptive Card" : "Card: " + string.Join(" / ", lines));
    }

    // Cards nest text in containers and column sets; the first few TextBlocks in reading order say what it was.
    private static void CollectTextBlocks(JsonNode? node, List<string> lines)
    {
        if (lines.Count >= MaxCardLines)
        {
            return;
        }

        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectTextBlocks(item, lines);
                }

                break;
            case JsonObject obj:
                if (Text(obj["type"]) == "TextBlock" && Text(obj["text"]) is { } text)
                {
                    lines.Add(text.ReplaceLineEndings(" "));
                    return;
                }

                foreach (var child in new[] { "items", "columns", "body" })
                {
                    CollectTextBlocks(obj[child], lines);
                }

                break;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
