using SupportBot.Playbooks;

namespace SupportBot.Recognition;

/// <summary>
/// Recognises which playbook an agent's free text describes, learning only from each playbook's
/// declared keywords and example utterances, so a new playbook needs no code.
/// </summary>
/// <remarks>
/// Two kinds of evidence, the stronger wins: similarity to the examples (TF-IDF over expanded words,
/// word pairs and character trigrams, so typos and abbreviations still match; a long rambling message
/// is judged by how much of an example it covers), and keyword phrases found whole in the text
/// (tolerating a misspelt word).
/// </remarks>
public sealed class PlaybookIntentRecognizer : IIntentRecognizer
{
    private const double CoverageDiscount = 0.8;
    private const double PhraseKeyword = 0.9;
    private const double SingleWordKeyword = 0.55;

    private readonly List<Intent> _intents = [];
    private readonly Dictionary<string, double> _idf;

    public PlaybookIntentRecognizer(PlaybookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var documents = catalog.Playbooks
            .SelectMany(p => p.Triggers.Examples.Concat(p.Triggers.Keywords).Append(p.Title).Select(text => (p.Id, Counts: FeatureVector.Count(text))))
            .Where(d => d.Counts.Count > 0)
            .ToList();
        var documentFrequency = documents.SelectMany(d => d.Counts.Keys).GroupBy(f => f, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _idf = documentFrequency.ToDictionary(p => p.Key, p => Math.Log((1.0 + documents.Count) / (1.0 + p.Value)) + 1, StringComparer.Ordinal);

        foreach (var playbook in catalog.Playbooks)
        {
            _intents.Add(new Intent(
                playbook.Id,
                documents.Where(d => d.Id == playbook.Id).Select(d => FeatureVector.Build(d.Counts, Idf)).ToList(),
                playbook.Triggers.Keywords.Select(k => Vocabulary.ContentTerms(k).ToArray()).Where(k => k.Length > 0).ToList(),
                playbook.Id.Split('-')));
        }
    }

    public IntentResult Recognize(string? text)
    {
        var counts = FeatureVector.Count(text);
        if (counts.Count == 0)
        {
            return new IntentResult([]);
        }

        var vector = FeatureVector.Build(counts, Idf);
        var terms = Vocabulary.ContentTerms(text);
        var normalized = TextNormalizer.Normalize(text);
        var scores = new List<IntentScore>(_intents.Count);
        foreach (var intent in _intents)
        {
            var score = normalized == string.Join(' ', intent.IdWords) ? 1.0 : Math.Max(Similarity(intent, vector), KeywordScore(intent, terms));
            if (score > 0.05)
            {
                scores.Add(new IntentScore(intent.Id, Math.Round(Math.Min(score, 1), 3)));
            }
        }

        return new IntentResult(scores.OrderByDescending(s => s.Confidence).ThenBy(s => s.PlaybookId, StringComparer.Ordinal).ToList());
    }

    // Unknown features carry the highest weight a known feature could have: they are rare by definition.
    private double Idf(string feature) => _idf.TryGetValue(feature, out var idf) ? idf : 0;

    private static double Similarity(Intent intent, FeatureVector text)
    {
        double best = 0;
        foreach (var example in intent.Examples)
        {
            var score = Math.Max(example.Cosine(text), CoverageDiscount * example.CoveredBy(text) * Math.Min(1, example.Weights.Count / 12.0));
            best = Math.Max(best, score);
        }

        return best;
    }

    private static double KeywordScore(Intent intent, IReadOnlyList<string> terms)
    {
        double best = 0;
        foreach (var phrase in intent.Keywords)
        {
            var found = phrase.All(word => terms.Contains(word) || (word.Length >= 5 && terms.Any(t => EditDistance.IsNearMiss(t, word))));
            if (found)
            {
                best = Math.Max(best, phrase.Length > 1 ? PhraseKeyword : SingleWordKeyword);
            }
        }

        return best;
    }

    private sealed record Intent(string Id, List<FeatureVector> Examples, List<string[]> Keywords, string[] IdWords);
}
