using System.Diagnostics;

namespace SupportBot.Recognition.Evaluation;

/// <summary>Runs a labelled set through an intent decision and scores it, in the manner of <c>rasa test nlu</c>.</summary>
public static class NluEvaluator
{
    /// <param name="decide">The playbook id SupportBot would act on (or <c>none</c>) and its confidence.</param>
    public static NluReport Evaluate(
        IReadOnlyList<LabelledUtterance> utterances,
        Func<string, (string Intent, double Confidence)> decide,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        ArgumentNullException.ThrowIfNull(decide);
        var predictions = new List<NluPrediction>(utterances.Count);
        var times = new List<double>(utterances.Count);
        foreach (var utterance in utterances)
        {
            var started = Stopwatch.GetTimestamp();
            var (intent, confidence) = decide(utterance.Text);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            predictions.Add(new NluPrediction(utterance, intent, confidence));
            progress?.Report(predictions.Count);
        }

        var labels = predictions.Select(p => p.Utterance.Intent).Concat(predictions.Select(p => p.Predicted))
            .Distinct(StringComparer.Ordinal).OrderBy(l => l == LabelledUtterance.None ? 1 : 0).ThenBy(l => l, StringComparer.Ordinal).ToList();
        var perIntent = labels.Select(label =>
        {
            var support = predictions.Count(p => p.Utterance.Intent == label);
            var predicted = predictions.Count(p => p.Predicted == label);
            var correct = predictions.Count(p => p.Predicted == label && p.IsCorrect);
            return new IntentMetrics(label, support, predicted == 0 ? 0 : (double)correct / predicted, support == 0 ? 0 : (double)correct / support);
        }).ToList();
        var confusions = predictions.Where(p => !p.IsCorrect)
            .GroupBy(p => (p.Utterance.Intent, p.Predicted))
            .Select(g => new Confusion(g.Key.Intent, g.Key.Predicted, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Expected, StringComparer.Ordinal).ToList();
        times.Sort();
        var median = times.Count == 0 ? 0 : times[times.Count / 2];
        return new NluReport(predictions.Count, predictions.Count(p => p.IsCorrect), labels, perIntent, confusions, predictions, TimeSpan.FromMilliseconds(median));
    }
}
