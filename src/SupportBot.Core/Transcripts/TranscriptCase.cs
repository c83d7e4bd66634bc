using System.Text.Json.Serialization;

namespace SupportBot.Transcripts;

/// <summary>Where a recorded case stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>Still going: the next message of the conversation belongs to it.</summary>
    Open,

    /// <summary>The playbook reached an outcome.</summary>
    Completed,

    /// <summary>The playbook was cancelled, replaced or closed before an outcome.</summary>
    Cancelled,
}

/// <summary>SupportBot's disposition suggestion for a case, and what the agent chose.</summary>
/// <param name="Chosen">Null when the agent skipped the disposition step.</param>
public sealed record DispositionDecision(string? Suggested, double? Confidence, string? Chosen)
{
    /// <summary>The agent kept SupportBot's suggestion.</summary>
    public bool Taken => Suggested is not null && string.Equals(Suggested, Chosen, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One case of a conversation as trainers see it: from the agent's first message about a situation to the
/// playbook's outcome (or its cancellation). A long-lived Teams or Slack conversation holds many cases;
/// the transcript entries of each carry its id.
/// </summary>
public sealed record TranscriptCase
{
    /// <summary>Assigned by the store when the case is first saved; 0 before.</summary>
    public long Id { get; init; }

    public required string ConversationKey { get; init; }

    /// <summary>The channel's own conversation id (without the channel prefix of the key).</summary>
    public string? ConversationId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>The agent's user id on the channel: what roles and "my transcripts" are checked against.</summary>
    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    /// <summary>The first playbook the case ran; null for a case of questions only.</summary>
    public string? PlaybookId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    /// <summary>Messages from the agent in the case.</summary>
    public int Turns { get; init; }

    /// <summary>An escalation was raised during the case.</summary>
    public bool Escalated { get; init; }

    public CaseStatus Status { get; init; }

    /// <summary>The outcome id the case's playbook ended in, when it completed.</summary>
    public string? OutcomeId { get; init; }

    public DispositionDecision? Disposition { get; init; }

    /// <summary>Loaded from a <c>.transcript</c> file rather than recorded live.</summary>
    public bool Imported { get; init; }
}
