using SupportBot.Recognition;

namespace SupportBot.Knowledge;

/// <summary>
/// Okapi BM25 ranking over each entry's question, tags and answer (the question and tags count
/// double), on abbreviation-expanded, stemmed terms. The confidence is the share of the question's
/// informative terms the entry covers, so a question nothing really answers is declined.
/// </summary>
public sealed class Bm25KnowledgeBase : IKnowledgeBase
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<(KnowledgeEntry Entry, Dictionary<string, int> Terms, int Length)> _documents;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;
    private readonly double _minimumConfidence;

    /// <param name="minimumConfidence">Entries covering less of the question than this are never returned.</param>
    public Bm25KnowledgeBase(IEnumerable<KnowledgeEntry> entries, double minimumConfidence = 0.5)
    {
        _minimumConfidence = minimumConfidence;
        ArgumentNullException.ThrowIfNull(entries);
        _documents = entries.Select(e =>
        {
            var terms = new List<string>();
            var heading = Vocabulary.ContentTerms(e.Question + " " + string.Join(' ', e.Tags));
            terms.AddRange(heading);
            terms.AddRange(heading);
            terms.AddRange(Vocabulary.ContentTerms(e.Answer));
            return (e, terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), terms.Count);
        }).ToList();
        _averageLength = _documents.Count == 0 ? 1 : _documents.Average(d => d.Length);
        var n = _documents.Count;
        _idf = _documents.SelectMany(d => d.Terms.Keys).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log(1 + ((n - g.Count() + 0.5) / (g.Count() + 0.5))), StringComparer.Ordinal);
    }

    public int Count => _documents.Count;

    public IReadOnlyList<KnowledgeAnswer> Search(string question, int top = 3)
    {
        var query = Vocabulary.ContentTerms(question).Distinct(StringComparer.Ordinal).ToList();
        if (query.Count == 0 || _documents.Count == 0)
        {
            return [];
        }

        // Words the index has never seen still count in the denominator (at a typical weight), so a
        // question mostly about something unknown is not answered from one shared word.
        var typicalIdf = _idf.Count == 0 ? 1 : _idf.Values.Average();
        var queryWeight = query.Sum(t => _idf.GetValueOrDefault(t, typicalIdf));
        var results = new List<KnowledgeAnswer>();
        foreach (var (entry, terms, length) in _documents)
        {
            double score = 0;
            double covered = 0;
            foreach (var term in query)
            {
                if (!terms.TryGetValue(term, out var frequency))
                {
                    continue;
                }

                var idf = _idf[term];
                covered += idf;
                score += idf * (frequency * (K1 + 1)) / (frequency + (K1 * (1 - B + (B * length / _averageLength))));
            }

            var confidence = covered / queryWeight;
            if (score > 0 && confidence >= _minimumConfidence)
            {
                results.Add(new KnowledgeAnswer(entry, Math.Round(confidence, 3), Math.Round(score, 3)));
            }
        }

        return results.OrderByDescending(r => r.Score).ThenByDescending(r => r.Confidence).Take(top).ToList();
    }
}
