namespace SupportBot.Recognition;

/// <summary>Recognises yes and no in the forms agents actually type.</summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "yah", "ye", "yess", "yes please", "sure", "ok", "okay", "k", "kk",
        "correct", "right", "thats right", "affirmative", "absolutely", "definitely", "of course", "indeed", "true",
        "confirmed", "confirm", "they did", "she did", "he did", "it did", "they do", "it does", "it is", "they are",
        "i think so", "looks like it", "uh huh", "yes they did", "yes it is", "1", "agreed", "agree", "accepts",
        "accepted", "they agree", "cx agrees", "customer agrees",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "na", "negative", "not", "none", "never", "false", "not really", "no way", "nothing",
        "they didnt", "didnt", "did not", "hasnt", "has not", "havent", "have not", "doesnt", "does not", "isnt", "is not",
        "arent", "are not", "no sign", "not yet", "nada", "2", "no they didnt", "refuses", "refused", "declined",
        "they refuse", "cx refuses", "customer refuses", "wont", "will not",
    };

    private static readonly HashSet<string> Unsure = new(StringComparer.Ordinal)
    {
        "maybe", "not sure", "unsure", "dunno", "idk", "i dont know", "perhaps", "possibly",
    };

    /// <summary>True for yes, false for no, null when the answer is neither or unclear.</summary>
    public static bool? Recognize(string? text)
    {
        if (text?.Contains("\U0001F44D", StringComparison.Ordinal) == true)
        {
            return true;
        }

        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length == 0)
        {
            return null;
        }

        // Try the longest leading phrase first so "not sure" is not read as "not".
        for (var length = Math.Min(4, tokens.Length); length >= 1; length--)
        {
            var phrase = string.Join(' ', tokens, 0, length);
            if (Unsure.Contains(phrase))
            {
                return null;
            }

            if (Yes.Contains(phrase))
            {
                return true;
            }

            if (No.Contains(phrase))
            {
                return false;
            }
        }

        return null;
    }
}
