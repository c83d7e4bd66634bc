using System.Text.RegularExpressions;

namespace SupportBot.Transcripts.Verification;

/// <summary>
/// Evens out what legitimately differs between a recording and its replay before replies are compared.
/// Only two things are touched, so a real change of wording is never hidden:
/// <list type="bullet">
/// <item>escalation numbers, the digits in "escalation #123" (any case, as a word of its own): they come from the escalation
/// store's counter, which is fresh and empty in a replay;</item>
/// <item>line endings: "\r\n" and "\r" count as "\n".</item>
/// </list>
/// Case ids, activity ids and timestamps are never compared at all.
/// </summary>
public static partial class VolatileTokens
{
    /// <summary>What an escalation number reads as after normalising.</summary>
    public const string EscalationNumber = "<n>";

    public static string Normalize(string? text) =>
        text is null ? "" : EscalationNumberPattern().Replace(text.ReplaceLineEndings("\n"), EscalationNumber);

    [GeneratedRegex(@"(?<=(?<![\w-])escalation #)\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscalationNumberPattern();
}
