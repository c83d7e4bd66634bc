using SupportBot.Playbooks;

namespace SupportBot.Recognition;

/// <summary>
/// Scores playbooks by their declared triggers: a keyword phrase found in the text (exactly or with a
/// near-miss spelling) is strong evidence; overlap with an example utterance is weaker evidence.
/// New playbooks need no code, only triggers in their YAML.
/// </summary>
public sealed class TriggerIntentRecognizer : IIntentRecognizer
{
    private readonly List<(string Id, List<string[]> Keywords, List<HashSet<string>> Examples, string[] IdWords)> _playbooks;

    public TriggerIntentRecognizer(PlaybookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _playbooks = catalog.Playbooks
            .Select(p => (
                p.Id,
                p.Triggers.Keywords.Select(k => Vocabulary.ContentTerms(k).ToArray()).Where(k => k.Length > 0).ToList(),
                p.Triggers.Examples.Select(e => Vocabulary.ContentTerms(e).ToHashSet(StringComparer.Ordinal)).Where(e => e.Count > 0).ToList(),
                p.Id.Split('-')))
            .ToList();
    }

    public IntentResult Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var terms = Vocabulary.ContentTerms(text);
        if (terms.Count == 0)
        {
            return new IntentResult([]);
        }

        var termSet = terms.ToHashSet(StringComparer.Ordinal);
        var scores = new List<IntentScore>();
        foreach (var (id, keywords, examples, idWords) in _playbooks)
        {
            double score;
            if (normalized == string.Join(' ', idWords) || normalized == id)
            {
                score = 1.0;
            }
            else
            {
                var keywordScore = keywords.Select(k => KeywordScore(k, terms)).DefaultIfEmpty(0).Max();
                var exampleScore = examples.Select(e => Overlap(e, termSet)).DefaultIfEmpty(0).Max();
                score = Math.Max(keywordScore, 0.85 * exampleScore);
            }

            if (score > 0)
            {
                scores.Add(new IntentScore(id, Math.Round(score, 3)));
            }
        }

        return new IntentResult(scores.OrderByDescending(s => s.Confidence).ThenBy(s => s.PlaybookId, StringComparer.Ordinal).ToList());
    }

    /// <summary>1 when every word of the phrase appears; near-miss spellings count a little less.</summary>
    private static double KeywordScore(string[] phrase, IReadOnlyList<string> terms)
    {
        double total = 0;
        foreach (var word in phrase)
        {
            if (terms.Contains(word))
            {
                total += 1;
            }
            else if (terms.Any(t => EditDistance.IsNearMiss(t, word)))
            {
                total += 0.8;
            }
            else
            {
                return 0;
            }
        }

        // A single-word keyword is weaker evidence than a phrase.
        var full = total / phrase.Length;
        return phrase.Length == 1 ? 0.7 * full : 0.95 * full;
    }

    /// <summary>How much of the example the text covers, tempered by how much of the text the example explains.</summary>
    private static double Overlap(HashSet<string> example, HashSet<string> text)
    {
        var shared = example.Count(e => text.Contains(e) || text.Any(t => EditDistance.IsNearMiss(t, e)));
        if (shared == 0)
        {
            return 0;
        }

        var ofExample = (double)shared / example.Count;
        var ofText = (double)shared / text.Count;
        return (2 * ofExample * ofText) / (ofExample + ofText);
    }
}
