using System.Buffers;
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
    private const double ThinEvidence = 0.7;
    private const double KeywordTrust = 0.75;

    // A pool of our own: arrays come back with every entry zeroed (we clear what we set), which a shared
    // pool, where other code may return dirty arrays, could not promise.
    private static readonly ArrayPool<double> DensePool = ArrayPool<double>.Create();

    private readonly List<Intent> _intents = [];
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly double[] _idf;

    public PlaybookIntentRecognizer(PlaybookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var documents = catalog.Playbooks
            .SelectMany(p => p.Triggers.Examples.Concat(p.Triggers.Keywords).Append(p.Title).Select(text => (p.Id, Counts: TextFeatures.Count(text))))
            .Where(d => d.Counts.Count > 0)
            .ToList();
        var documentFrequency = new List<int>();
        foreach (var feature in documents.SelectMany(d => d.Counts.Keys))
        {
            if (!_vocabulary.TryGetValue(feature, out var id))
            {
                id = _vocabulary.Count;
                _vocabulary.Add(feature, id);
                documentFrequency.Add(0);
            }

            documentFrequency[id]++;
        }

        _idf = documentFrequency.Select(df => Math.Log((1.0 + documents.Count) / (1.0 + df)) + 1).ToArray();
        foreach (var playbook in catalog.Playbooks)
        {
            _intents.Add(new Intent(
                playbook.Id,
                documents.Where(d => d.Id == playbook.Id).Select(d => Vectorize(d.Counts)).ToList(),
                playbook.Triggers.Keywords.Select(k => Vocabulary.ContentTerms(k).ToArray()).Where(k => k.Length > 0).ToList(),
                playbook.Id.Split('-')));
        }
    }

    public IntentResult Recognize(string? text)
    {
        var terms = Vocabulary.ContentTerms(text);
        if (terms.Count == 0)
        {
            return new IntentResult([]);
        }

        var vector = Vectorize(TextFeatures.Count(terms));

        // A pooled dense copy of the message's vector makes each example comparison a few array reads;
        // only the entries set here are cleared again, so the rent stays cheap.
        var dense = DensePool.Rent(_vocabulary.Count);
        try
        {
            for (var i = 0; i < vector.Length; i++)
            {
                dense[vector.Ids[i]] = vector.Weights[i];
            }

            return Score(text, terms, dense);
        }
        finally
        {
            for (var i = 0; i < vector.Length; i++)
            {
                dense[vector.Ids[i]] = 0;
            }

            DensePool.Return(dense);
        }
    }

    private IntentResult Score(string? text, IReadOnlyList<string> terms, double[] dense)
    {

        var normalized = TextNormalizer.Normalize(text);
        var scores = new List<IntentScore>(_intents.Count);

        // One meaningful word is thin evidence for a whole situation ("test", "help").
        var evidence = terms.Count == 1 ? ThinEvidence : 1.0;
        foreach (var intent in _intents)
        {
            var score = normalized == string.Join(' ', intent.IdWords) ? 1.0 : Combine(Similarity(intent, dense) * evidence, KeywordScore(intent, terms));
            if (score > 0.05)
            {
                scores.Add(new IntentScore(intent.Id, Math.Round(Math.Min(score, 1), 3)));
            }
        }

        return new IntentResult(scores.OrderByDescending(s => s.Confidence).ThenBy(s => s.PlaybookId, StringComparer.Ordinal).ToList());
    }

    public bool Knows(string playbookId) => _intents.Any(i => i.Id == playbookId);

    private SparseVector Vectorize(Dictionary<string, double> counts) =>
        SparseVector.From(counts
            .Where(c => _vocabulary.ContainsKey(c.Key))
            .Select(c => (_vocabulary[c.Key], TextFeatures.Weight(c.Value, _idf[_vocabulary[c.Key]]))));

    /// <summary>Both kinds of evidence agreeing count for more than either alone (a noisy-or).</summary>
    private static double Combine(double similarity, double keyword) => Math.Max(similarity, keyword);

    private static double Similarity(Intent intent, double[] text)
    {
        double best = 0;
        foreach (var example in intent.Examples)
        {
            // Coverage only counts for examples with enough substance; a two-word example is "covered" by too much.
            var score = Math.Max(example.Dot(text), CoverageDiscount * example.CoveredBy(text) * Math.Min(1, example.Length / 12.0));
            best = Math.Max(best, score);
        }

        return best;
    }

    private static double KeywordScore(Intent intent, IReadOnlyList<string> terms)
    {
        double best = 0;
        foreach (var phrase in intent.Keywords)
        {
            if (ContainsPhrase(terms, phrase))
            {
                best = Math.Max(best, phrase.Length > 1 ? PhraseKeyword : SingleWordKeyword);
            }
        }

        return best;
    }

    /// <summary>
    /// The phrase's words in order, close together (one extra word may sit between two of them), each
    /// exact or a near-miss spelling; words scattered across a long message do not make a phrase.
    /// </summary>
    private static bool ContainsPhrase(IReadOnlyList<string> terms, string[] phrase)
    {
        for (var start = 0; start < terms.Count; start++)
        {
            if (!WordMatches(terms[start], phrase[0]))
            {
                continue;
            }

            var position = start;
            var matched = 1;
            while (matched < phrase.Length)
            {
                var next = position + 1;
                if (next < terms.Count && WordMatches(terms[next], phrase[matched]))
                {
                    position = next;
                }
                else if (next + 1 < terms.Count && WordMatches(terms[next + 1], phrase[matched]))
                {
                    position = next + 1;
                }
                else
                {
                    break;
                }

                matched++;
            }

            if (matched == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WordMatches(string term, string word) =>
        term == word || (word.Length >= 5 && EditDistance.IsNearMiss(term, word));

    private sealed record Intent(string Id, List<SparseVector> Examples, List<string[]> Keywords, string[] IdWords);
}
