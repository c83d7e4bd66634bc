namespace SupportBot.Recognition.Evaluation;

/// <summary>How well intent recognition did on a labelled set.</summary>
public sealed record NluReport(
    int Total,
    int Correct,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IntentMetrics> PerIntent,
    IReadOnlyList<Confusion> Confusions,
    IReadOnlyList<NluPrediction> Predictions,
    TimeSpan MedianDecisionTime)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Count of utterances labelled <c>expected</c> that were predicted as <c>predicted</c>.</summary>
    public int Count(string expected, string predicted) =>
        Predictions.Count(p => p.Utterance.Intent == expected && p.Predicted == predicted);

    public IEnumerable<NluPrediction> Misclassified => Predictions.Where(p => !p.IsCorrect);
}

public sealed record IntentMetrics(string Intent, int Support, double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record Confusion(string Expected, string Predicted, int Count);

public sealed record NluPrediction(LabelledUtterance Utterance, string Predicted, double Confidence)
{
    public bool IsCorrect => Utterance.Intent == Predicted;
}
