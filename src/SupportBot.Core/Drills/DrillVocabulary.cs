using SupportBot.Recognition;

namespace SupportBot.Drills;

/// <summary>
/// How trainees' words are compared with the knowledge and the playbooks: the recognisers' abbreviation
/// expansion and stemming, plus number words and a few support-desk synonyms, so "pics" meets "photos"
/// and "three" meets "3".
/// </summary>
public static class DrillVocabulary
{
    // Words that are interchangeable in an answer or a question to the customer. Kept small and specific to
    // support work: a broad thesaurus would let vague answers score.
    private static readonly string[][] SynonymGroups =
    [
        ["photo", "picture", "image", "snapshot", "screenshot"],
        ["delete", "uninstall", "remove"],
        ["reinstall", "redownload", "install", "download"],
        ["purchase", "buy", "bought", "order"],
        ["proof", "receipt", "invoice"],
        ["acknowledge", "recognise", "recognize", "validate"],
        ["concern", "issue", "problem", "complaint"],
        ["supervisor", "manager", "leadership", "lead", "tl"],
        ["merge", "combine"],
        ["hurt", "injury", "injured", "harm", "harmed"],
        ["fire", "flame", "flames"],
        ["immediately", "asap", "instantly", "straightaway", "urgently", "urgent"],
        ["newest", "latest", "current"],
        ["update", "upgrade"],
        ["phone", "mobile", "cell"],
        ["email", "mail"],
        ["signal", "reception", "coverage"],
        ["antenna", "aerial"],
        ["refund", "reimburse", "reimbursement"],
        ["address", "location"],
        ["arrive", "arrived", "received", "delivered"],
        ["missing", "lost"],
    ];

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = "0",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
        ["eleven"] = "11",
        ["twelve"] = "12",
        ["fifteen"] = "15",
        ["twenty"] = "20",
        ["thirty"] = "30",
        ["sixty"] = "60",
    };

    // Words that say nothing about the matter at hand in a drill answer or a trainee's question.
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "ask", "tell", "first", "attach", "type", "pick", "example", "eg", "e", "g", "yes", "no", "get", "let", "need",
        "want", "like", "know", "sure", "sorry", "thank", "mind", "any", "anything", "else", "not", "dont", "isnt",
        "make", "go", "before", "after", "only", "all", "every", "each", "some", "more", "other", "thing", "way",
        "own", "than", "too", "well", "youre", "youve", "its", "thats", "theres", "ill", "ive", "again", "always",
        "never", "without", "both", "either", "same", "via", "per", "etc", "case", "doesnt", "cant", "wont", "one",
        "wasnt", "werent", "arent", "didnt", "couldnt", "shouldnt", "wouldnt", "theyll", "youll", "theyd", "havent", "hasnt",
    };

    // Shorthand the recognisers' vocabulary does not expand but trainees type in answers.
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["dmg"] = "damage",
        ["min"] = "minute",
        ["mins"] = "minutes",
        ["hr"] = "hour",
        ["hrs"] = "hours",
        ["pw"] = "password",
        ["pwd"] = "password",
        ["rcpt"] = "receipt",
        ["vid"] = "video",
        ["vids"] = "videos",
        ["sub"] = "subscription",
        ["subs"] = "subscriptions",
        ["ph"] = "phone",
        ["tel"] = "phone",
        ["esc"] = "escalate",
        ["sup"] = "supervisor",
        ["diag"] = "diagnostic",
        ["config"] = "settings",
    };

    private static readonly Dictionary<string, int> GroupOf = BuildGroups();

    /// <summary>The meaningful terms of a text: expanded, stop and noise words dropped, number words as digits, stemmed.</summary>
    public static IReadOnlyList<string> Terms(string? text) =>
        Vocabulary.Expand(text)
            .Select(t => NumberWords.GetValueOrDefault(t, Shorthand.GetValueOrDefault(t, t)))
            .Where(t => !NoiseWords.Contains(t) && Vocabulary.ContentTerms(t).Count > 0)
            .Select(Stem)
            .ToList();

    /// <summary>
    /// Plural first, then -ing/-ed, so "settings" and "setting" (or "photos" and "photo") become one term;
    /// other forms of a word are left to <see cref="Matches"/>.
    /// </summary>
    public static string Stem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token;
        if (t.Length > 4 && t.EndsWith("ies", StringComparison.Ordinal))
        {
            t = t[..^3] + "y";
        }
        else if (t.Length > 3 && t.EndsWith('s') && !t.EndsWith("ss", StringComparison.Ordinal) && !t.EndsWith("us", StringComparison.Ordinal) && !t.EndsWith("is", StringComparison.Ordinal))
        {
            t = t[..^1];
        }

        if (t.Length > 5 && t.EndsWith("ing", StringComparison.Ordinal))
        {
            return t[..^3];
        }

        return t.Length > 4 && t.EndsWith("ed", StringComparison.Ordinal) ? t[..^2] : t;
    }

    /// <summary>
    /// True when a trainee's term stands for the expected one: the same stem, a synonym, another form of the
    /// same word ("escalate", "escalation"), or a plausible typo of it.
    /// </summary>
    public static bool Matches(string said, string expected)
    {
        ArgumentNullException.ThrowIfNull(said);
        ArgumentNullException.ThrowIfNull(expected);
        if (string.Equals(said, expected, StringComparison.Ordinal))
        {
            return true;
        }

        // Numbers and short codes ("3", "sk", "xb") must be exact: one wrong digit is a wrong answer.
        if (said.Any(char.IsDigit) || expected.Any(char.IsDigit) || expected.Length < 4)
        {
            return false;
        }

        if (GroupOf.TryGetValue(said, out var a) && GroupOf.TryGetValue(expected, out var b) && a == b)
        {
            return true;
        }

        return SameWordFamily(said, expected) || EditDistance.IsNearMiss(said, expected);
    }

    /// <summary>"escalate"/"escalation", "professional"/"professionalism": a long shared beginning, different endings.</summary>
    private static bool SameWordFamily(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        var common = 0;
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }

        return common >= 5 && common >= shorter - 2;
    }

    private static Dictionary<string, int> BuildGroups()
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < SynonymGroups.Length; i++)
        {
            foreach (var word in SynonymGroups[i])
            {
                groups[Stem(word)] = i;
            }
        }

        return groups;
    }
}
