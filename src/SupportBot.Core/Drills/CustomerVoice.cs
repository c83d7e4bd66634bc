using System.Text.RegularExpressions;

namespace SupportBot.Drills;

/// <summary>
/// Restates what an agent typed about the customer ("cust says the belt melted on their xpro") as the
/// customer would say it ("The belt melted on my xpro."), for role-play.
/// </summary>
public static partial class CustomerVoice
{
    public static string Restate(string? agentText)
    {
        var text = Regex.Replace((agentText ?? "").Trim(), @"\s+", " ");
        if (text.Length == 0)
        {
            return "";
        }

        text = ReportedSpeech().Replace(text, "", 1);
        text = Possessive().Replace(text, "my ", 1);
        text = SubjectAndVerb().Replace(text, m => FirstPerson(m.Groups["verb"].Value) + " ", 1);
        text = BareSubject().Replace(text, "", 1);
        text = TheyAre().Replace(text, "I'm");
        text = TheyHave().Replace(text, "I have");
        text = Their().Replace(text, "my");
        text = Themselves().Replace(text, "myself");
        text = text.Trim().TrimEnd(',', ';', '-');
        if (text.Length == 0)
        {
            return "";
        }

        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    /// <summary>"I" and the verb as the customer says it: "is emailing" becomes "I'm emailing", "wants" "I want".</summary>
    private static string FirstPerson(string verb) => "I" + verb.ToLowerInvariant() switch
    {
        "is" => "'m",
        "isn't" or "isnt" => "'m not",
        "has" => " have",
        "hasn't" or "hasnt" => " haven't",
        "does" => " do",
        "doesn't" or "doesnt" => " don't",
        "was" or "wasn't" or "can" or "can't" or "cant" or "will" or "won't" or "would" or "had" => " " + verb.ToLowerInvariant(),
        var v when v.EndsWith("ies", StringComparison.Ordinal) => " " + v[..^3] + "y",
        var v when v.EndsWith("shes", StringComparison.Ordinal) || v.EndsWith("ches", StringComparison.Ordinal) || v.EndsWith("sses", StringComparison.Ordinal) => " " + v[..^2],
        var v when v.EndsWith('s') && !v.EndsWith("ss", StringComparison.Ordinal) => " " + v[..^1],
        var v => " " + v,
    };

    private const string Customer = @"(?:the\s+)?(?:cx|cust|custy|customer|ct|caller|client)\b";

    // "cust says", "cx reports that", "customer: " - the agent's framing, not the customer's words.
    [GeneratedRegex(@"^(?:so\s+|and\s+)?" + Customer + @"\s*(?:(?:says|said|reports|reported|reporting|states|stated|mentions|mentioned|claims|explains|explained|wrote|writes|is saying|tells me|told me)\b\s*(?:that\b\s*)?|[:,-]\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedSpeech();

    [GeneratedRegex(@"^" + Customer + @"(?:'|’)s\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    // The customer as the subject of a verb: "cx is emailing them", "cust wants a refund", "they sent pics".
    [GeneratedRegex(@"^(?:" + Customer + @"|they)\s+(?<verb>is|isn't|isnt|was|wasn't|wasnt|has|hasn't|hasnt|had|does|doesn't|doesnt|did|didn't|didnt|can|can't|cant|could|will|won't|wont|would|sent|got|bought|paid|found|lost|took|put|left|made|thought|saw|forgot|gave|kept|went|came|[a-z]+[^s\W]s|[a-z]+ed)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectAndVerb();

    // "cx belt melted": the customer named before a noun.
    [GeneratedRegex(@"^" + Customer + @"\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BareSubject();

    [GeneratedRegex(@"\bthey(?:'re| are)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheyAre();

    [GeneratedRegex(@"\bthey(?:'ve| have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheyHave();

    [GeneratedRegex(@"\btheir\b", RegexOptions.IgnoreCase)]
    private static partial Regex Their();

    [GeneratedRegex(@"\bthemselves\b", RegexOptions.IgnoreCase)]
    private static partial Regex Themselves();
}
