using System.Text.RegularExpressions;

namespace SupportBot.Playbooks;

/// <summary>
/// Keeps drafted ticket notes within the notes policy when they include what the agent typed: no
/// direct customer quotes, no shouting, no emotive asides. Quotes are replaced by a pointer to the
/// transcript, which keeps the exact words.
/// </summary>
public static partial class NoteStyle
{
    public const string QuotePlaceholder = "[customer's words in the transcript]";

    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Quoted().Replace(text, QuotePlaceholder);
        result = Emotive().Replace(result, "");
        result = Shouting().Replace(result, m => m.Value.Length > 1 ? "." : m.Value);
        result = Emoji().Replace(result, "");
        return Spaces().Replace(result, " ").Trim();
    }

    // "...", “...”, and '...' spanning at least two words (a lone 'word' is usually a name or a label).
    [GeneratedRegex("\"[^\"]{2,}\"|“[^”]{2,}”|(?<!\\w)'[^']+\\s[^']+'(?!\\w)")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(ugh+|lol|lmao|smh|omg|wtf|sigh)\b[.!?]*", RegexOptions.IgnoreCase)]
    private static partial Regex Emotive();

    [GeneratedRegex(@"[!?]{2,}|!")]
    private static partial Regex Shouting();

    [GeneratedRegex(@"[\u2600-\u27BF]|[\uD83C-\uDBFF][\uDC00-\uDFFF]")]
    private static partial Regex Emoji();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
