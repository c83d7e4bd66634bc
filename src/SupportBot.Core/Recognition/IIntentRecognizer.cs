namespace SupportBot.Recognition;

/// <summary>Decides which playbook, if any, an agent's free text describes.</summary>
public interface IIntentRecognizer
{
    IntentResult Recognize(string? text);

    /// <summary>Whether the playbook id is one this recogniser can start.</summary>
    bool Knows(string playbookId);
}

public sealed record IntentScore(string PlaybookId, double Confidence);

/// <summary>Candidates, best first, with confidences from 0 to 1.</summary>
public sealed record IntentResult(IReadOnlyList<IntentScore> Ranked)
{
    public IntentScore? Top => Ranked.Count > 0 ? Ranked[0] : null;
}
