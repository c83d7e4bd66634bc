namespace SupportBot.Recognition;

/// <summary>
/// The text features intent recognition compares: expanded and stemmed words, word pairs, and the
/// character trigrams of each word (so "baterry" still shares most of its features with "battery").
/// </summary>
public static class TextFeatures
{
    private const double TrigramWeight = 0.6;
    private const double BigramWeight = 1.2;

    /// <summary>Raw feature counts of a text, before weighting.</summary>
    public static Dictionary<string, double> Count(string? text) => Count(Vocabulary.ContentTerms(text));

    public static Dictionary<string, double> Count(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
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

    /// <summary>A feature's weight: sublinear in how often it occurs, scaled by how rare it is.</summary>
    public static double Weight(double count, double idf) => (1 + Math.Log(Math.Max(count, 1))) * Math.Min(count, 1) * idf;

    private static void Add(Dictionary<string, double> counts, string feature, double amount) =>
        counts[feature] = counts.GetValueOrDefault(feature) + amount;
}
