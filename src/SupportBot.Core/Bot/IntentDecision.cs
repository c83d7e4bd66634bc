using SupportBot.Recognition;

namespace SupportBot.Bot;

public enum IntentDecisionKind
{
    /// <summary>Confident: start the playbook.</summary>
    Start,

    /// <summary>Plausible but not clear: offer the candidates as choices.</summary>
    Offer,

    /// <summary>No playbook fits.</summary>
    None,
}

/// <summary>What SupportBot does with a recognition result; the same rule serves the bot and the evaluation.</summary>
public sealed record IntentDecision(IntentDecisionKind Kind, IReadOnlyList<IntentScore> Candidates)
{
    /// <summary>A clear winner must lead the runner-up by at least this much to start without asking.</summary>
    public const double StartMargin = 0.1;

    /// <summary>The playbook SupportBot would start or offer first; null for none.</summary>
    public string? PlaybookId => Kind == IntentDecisionKind.None ? null : Candidates[0].PlaybookId;

    public double Confidence => Candidates.Count > 0 ? Candidates[0].Confidence : 0;

    public static IntentDecision From(IntentResult result, TriageOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var top = result.Top;
        var runnerUp = result.Ranked.Count > 1 ? result.Ranked[1].Confidence : 0;
        if (top is not null && top.Confidence >= options.StartThreshold && top.Confidence - runnerUp >= StartMargin)
        {
            return new IntentDecision(IntentDecisionKind.Start, [top]);
        }

        var candidates = result.Ranked.Where(s => s.Confidence >= options.SuggestThreshold).Take(3).ToList();
        return candidates.Count > 0
            ? new IntentDecision(IntentDecisionKind.Offer, candidates)
            : new IntentDecision(IntentDecisionKind.None, result.Ranked.Take(1).ToList());
    }
}
