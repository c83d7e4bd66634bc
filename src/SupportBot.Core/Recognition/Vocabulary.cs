namespace SupportBot.Recognition;

/// <summary>
/// How agents abbreviate, and which words carry no meaning for matching. Tokens are expanded before
/// any scoring so "cx says belt melted" and "customer says the belt melted" look alike.
/// </summary>
public static class Vocabulary
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["cust"] = "customer",
        ["cx"] = "customer",
        ["ct"] = "customer",
        ["cus"] = "customer",
        ["custy"] = "customer",
        ["acct"] = "account",
        ["acc"] = "account",
        ["pls"] = "please",
        ["plz"] = "please",
        ["fw"] = "firmware",
        ["ts"] = "troubleshoot",
        ["pic"] = "photo",
        ["pics"] = "photos",
        ["pix"] = "photos",
        ["img"] = "image",
        ["imgs"] = "images",
        ["cam"] = "camera",
        ["cams"] = "cameras",
        ["sup"] = "supervisor",
        ["supe"] = "supervisor",
        ["mgr"] = "manager",
        ["mgmt"] = "management",
        ["w"] = "with",
        ["bc"] = "because",
        ["b4"] = "before",
        ["pop"] = "proof",
        ["msg"] = "message",
        ["dm"] = "message",
        ["tkt"] = "ticket",
        ["tix"] = "tickets",
        ["app"] = "app",
        ["info"] = "information",
        ["addr"] = "address",
        ["qty"] = "quantity",
        ["u"] = "you",
        ["ur"] = "your",
        ["thx"] = "thanks",
        ["ty"] = "thanks",
        ["rcvd"] = "received",
        ["recd"] = "received",
        ["pkg"] = "package",
        ["ord"] = "order",
        ["sn"] = "serial",
        ["s n"] = "serial",
        ["cc"] = "card",
        ["bbb"] = "bbb",
        ["atty"] = "lawyer",
        ["attorney"] = "lawyer",
        ["sm"] = "social",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with", "from", "is", "are",
        "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "im", "me", "my", "we", "our",
        "you", "your", "he", "she", "they", "them", "their", "his", "her", "says", "said", "say", "saying", "customer",
        "customers", "please", "just", "so", "very", "really", "hi", "hello", "hey", "ok", "okay", "thanks", "got",
        "has", "have", "had", "do", "does", "did", "there", "here", "what", "which", "who", "how", "can", "could",
        "would", "should", "will", "if", "about", "re", "up", "out", "into", "as", "now", "still", "then", "also",
    };

    /// <summary>Normalised tokens with abbreviations expanded.</summary>
    public static IReadOnlyList<string> Expand(string? text) =>
        TextNormalizer.Tokens(text).Select(t => Abbreviations.GetValueOrDefault(t, t)).ToList();

    /// <summary>Expanded tokens without stop words, crudely stemmed so plurals and -ing forms meet.</summary>
    public static IReadOnlyList<string> ContentTerms(string? text) =>
        Expand(text).Where(t => !StopWords.Contains(t)).Select(Stem).ToList();

    public static string Stem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > 5 && token.EndsWith("ing", StringComparison.Ordinal))
        {
            return token[..^3];
        }

        if (token.Length > 4 && token.EndsWith("ed", StringComparison.Ordinal))
        {
            return token[..^2];
        }

        if (token.Length > 3 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal))
        {
            return token[..^1];
        }

        return token;
    }
}
