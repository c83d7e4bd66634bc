using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Host.Channels.Teams.Cards;

/// <summary>
/// Turns SupportBot's chat markdown into the subset an Adaptive Card <c>TextBlock</c> renders in Teams:
/// <c>**bold**</c>, <c>_italic_</c>, <c>- </c> and <c>1. </c> lists, and <c>[links](url)</c>. Headings
/// become bold lines, code fences and inline code lose their markers (TextBlocks have no code style),
/// and each line break becomes a paragraph break, because a single newline is only a soft break there.
/// </summary>
internal static partial class CardMarkdown
{
    public static string ToTextBlock(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var text = new StringBuilder();
        var previousWasListItem = false;
        var pendingBreak = false;
        foreach (var raw in lines)
        {
            if (Fence().IsMatch(raw))
            {
                continue;
            }

            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                pendingBreak = text.Length > 0;
                previousWasListItem = false;
                continue;
            }

            var isListItem = false;
            if (Heading().Match(line) is { Success: true } heading)
            {
                line = "**" + heading.Groups["text"].Value.Trim() + "**";
            }
            else if (Bullet().Match(line) is { Success: true } bullet)
            {
                line = "- " + bullet.Groups["text"].Value;
                isListItem = true;
            }
            else if (Numbered().IsMatch(line))
            {
                line = line.TrimStart();
                isListItem = true;
            }

            line = Inline(line);
            if (text.Length > 0)
            {
                // Items of one list stay on consecutive lines; everything else is its own paragraph.
                text.Append(isListItem && previousWasListItem && !pendingBreak ? "\n" : "\n\n");
            }

            text.Append(line);
            previousWasListItem = isListItem;
            pendingBreak = false;
        }

        return text.ToString();
    }

    private static string Inline(string line)
    {
        line = UnderscoreBold().Replace(line, "**${text}**");
        line = StarItalic().Replace(line, "_${text}_");
        line = InlineCode().Replace(line, "${text}");
        return line;
    }

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*+]\s+(?<text>.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d{1,3}[.)]\s+")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"__(?<text>\S(?:.*?\S)?)__")]
    private static partial Regex UnderscoreBold();

    [GeneratedRegex(@"(?<![*\w])\*(?<text>[^*\s](?:[^*]*?[^*\s])?)\*(?![*\w])")]
    private static partial Regex StarItalic();

    [GeneratedRegex(@"`(?<text>[^`]+)`")]
    private static partial Regex InlineCode();
}
