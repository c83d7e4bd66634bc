namespace SupportBot.Recognition;

/// <summary>
/// A sparse, L2-normalised bag of text features: expanded and stemmed words, word pairs, and the
/// character trigrams of each word (so "baterry" still shares most of its features with "battery").
/// </summary>
public sealed class FeatureVector
{
    private const double TrigramWeight = 0.35;
    private const double BigramWeight = 1.2;

    private FeatureVector(Dictionary<string, double> weights) => Weights = weights;

    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>Raw feature counts of a text, before weighting.</summary>
    public static Dictionary<string, double> Count(string? text)
    {
        var terms = Vocabulary.ContentTerms(text);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            Add(counts, "w:" + terms[i], 1);
            if (i + 1 < terms.Count)
            {
                Add(counts, "b:" + terms[i] + "_" + terms[i + 1], BigramWeight);
            }

            var padded = "#" + terms[i] + "#";
            for (var j = 0; j + 3 <= padded.Length; j++)
            {
                Add(counts, "c:" + padded.Substring(j, 3), TrigramWeight);
            }
        }

        return counts;
    }

    /// <summary>Weights counts by inverse document frequency (sublinear in the count) and normalises to length 1.</summary>
    public static FeatureVector Build(Dictionary<string, double> counts, Func<string, double> idf)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(idf);
        var weights = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        foreach (var (feature, count) in counts)
        {
            var weight = (1 + Math.Log(count + (1 - Math.Min(count, 1)))) * idf(feature);
            if (weight > 0)
            {
                weights[feature] = weight;
            }
        }

        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var key in weights.Keys.ToList())
            {
                weights[key] /= norm;
            }
        }

        return new FeatureVector(weights);
    }

    /// <summary>Cosine similarity (both vectors are unit length).</summary>
    public double Cosine(FeatureVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        double sum = 0;
        foreach (var (feature, weight) in small)
        {
            if (large.TryGetValue(feature, out var w))
            {
                sum += weight * w;
            }
        }

        return sum;
    }

    /// <summary>
    /// How much of this vector's weight the other text contains, ignoring what else the other text says;
    /// a long message that includes an example's key words still covers it.
    /// </summary>
    public double CoveredBy(FeatureVector text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double covered = 0;
        foreach (var (feature, weight) in Weights)
        {
            if (text.Weights.ContainsKey(feature))
            {
                covered += weight * weight;
            }
        }

        return covered;
    }

    private static void Add(Dictionary<string, double> counts, string feature, double amount) =>
        counts[feature] = counts.GetValueOrDefault(feature) + amount;
}
