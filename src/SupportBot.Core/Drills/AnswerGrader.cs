using System.Text.Json.Serialization;
using SupportBot.Recognition;

namespace SupportBot.Drills;

[JsonConverter(typeof(JsonStringEnumConverter<QuizVerdict>))]
public enum QuizVerdict
{
    Correct,
    Partly,
    Wrong,
    Skipped,
}

/// <summary>How an answer was graded: the verdict, the share of the key terms' weight it covered, and which key words it had.</summary>
public sealed record QuizGrade(QuizVerdict Verdict, double Score, IReadOnlyList<string> Found, IReadOnlyList<string> Missing)
{
    /// <summary>Credit towards accuracy: 1 for correct, half for partly right, nothing otherwise.</summary>
    public double Credit => Verdict switch
    {
        QuizVerdict.Correct => 1,
        QuizVerdict.Partly => 0.5,
        _ => 0,
    };
}

/// <summary>
/// Grades a free-text answer against a question's key terms. Word order does not matter; typos,
/// abbreviations ("pop", "cx", "fw"), initials of a phrase ("isc" for instant settings check), other forms
/// of a word and a few synonyms all count. An answer with enough of the key terms' weight is correct, with
/// some of it partly right; a missing number keeps an answer from being fully right.
/// </summary>
public static class AnswerGrader
{
    public const double CorrectAt = 0.75;
    public const double PartlyAt = 0.25;

    public static QuizGrade Grade(QuizQuestion question, string? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = DrillVocabulary.Terms(answer);
        var fromInitials = TermsSpelledByInitials(question.Answer, TextNormalizer.Tokens(answer));
        var found = new List<string>();
        var missing = new List<string>();
        var missedNumber = false;
        double total = 0, covered = 0;
        foreach (var key in question.KeyTerms)
        {
            total += key.Weight;
            if (fromInitials.Contains(key.Term) || words.Any(w => DrillVocabulary.Matches(w, key.Term)))
            {
                covered += key.Weight;
                found.Add(key.Word);
            }
            else
            {
                missing.Add(key.Word);
                missedNumber |= key.Term.All(char.IsDigit);
            }
        }

        var score = total <= 0 ? 0 : Math.Round(covered / total, 3);
        // A wrong number ("5 minutes" for "3 minutes") is never fully right, however much else fits.
        var verdict = score >= CorrectAt && !missedNumber ? QuizVerdict.Correct : score >= PartlyAt ? QuizVerdict.Partly : QuizVerdict.Wrong;
        return new QuizGrade(verdict, score, found, missing);
    }

    /// <summary>The answer's terms covered by an abbreviation made of the initials of a run of its words ("pop" = proof of purchase).</summary>
    private static HashSet<string> TermsSpelledByInitials(string expected, IReadOnlyList<string> said)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var acronyms = said
            .Where(t => t.Length is >= 2 and <= 5 && t.All(char.IsLetter) && Vocabulary.ContentTerms(t).Count > 0)
            .ToHashSet(StringComparer.Ordinal);
        if (acronyms.Count == 0)
        {
            return result;
        }

        var tokens = TextNormalizer.Tokens(expected);
        for (var start = 0; start < tokens.Length; start++)
        {
            var initials = "";
            for (var end = start; end < tokens.Length && end - start < 5; end++)
            {
                initials += tokens[end][0];
                if (end > start && acronyms.Contains(initials))
                {
                    foreach (var token in tokens[start..(end + 1)])
                    {
                        result.UnionWith(DrillVocabulary.Terms(token));
                    }
                }
            }
        }

        return result;
    }
}
