namespace SupportBot.Transcripts;

/// <summary>Which cases to list. Every filter is optional; results come newest first.</summary>
public sealed record TranscriptQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public string? PlaybookId { get; init; }

    public string? AgentId { get; init; }

    /// <summary>Cases started at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Cases started before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>An outcome id, or a status name (<c>open</c>, <c>completed</c>, <c>cancelled</c>).</summary>
    public string? Outcome { get; init; }

    public bool? Escalated { get; init; }

    /// <summary>Only cases with a smaller id: the next page after the last one seen.</summary>
    public long? BeforeId { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Whether a case passes every filter except paging; stores filter their candidates with it.</summary>
    public bool Matches(TranscriptCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return (PlaybookId is null || string.Equals(@case.PlaybookId, PlaybookId, StringComparison.OrdinalIgnoreCase))
            && (AgentId is null || string.Equals(@case.AgentId, AgentId, StringComparison.Ordinal))
            && (From is null || @case.StartedAt >= From)
            && (To is null || @case.StartedAt < To)
            && (Escalated is null || @case.Escalated == Escalated)
            && (BeforeId is null || @case.Id < BeforeId)
            && (Outcome is null || MatchesOutcome(@case, Outcome));
    }

    public int EffectiveLimit => Math.Clamp(Limit, 1, MaxLimit);

    // Only a status's exact name counts as a status: Enum.TryParse would also take "1" or "open,completed".
    private static bool MatchesOutcome(TranscriptCase @case, string outcome) =>
        Enum.GetNames<CaseStatus>().Any(name => string.Equals(name, outcome, StringComparison.OrdinalIgnoreCase))
            ? string.Equals(@case.Status.ToString(), outcome, StringComparison.OrdinalIgnoreCase)
            : string.Equals(@case.OutcomeId, outcome, StringComparison.OrdinalIgnoreCase);
}
