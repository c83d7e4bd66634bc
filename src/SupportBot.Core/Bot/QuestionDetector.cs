using SupportBot.Recognition;

namespace SupportBot.Bot;

/// <summary>Tells a knowledge question ("which cams have GPS?") from an answer to the current step.</summary>
public static class QuestionDetector
{
    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "what", "whats", "which", "where", "when", "why", "how", "who", "whom", "can", "could", "does", "do", "is",
        "are", "should", "would", "will", "whats", "wheres", "hows",
    };

    public static bool LooksLikeQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.TrimEnd().EndsWith('?'))
        {
            return true;
        }

        var tokens = TextNormalizer.Tokens(text);
        return tokens.Length >= 3 && QuestionStarts.Contains(tokens[0]);
    }
}
