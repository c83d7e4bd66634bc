using SupportBot.Transcripts;

namespace SupportBot.Host.Endpoints;

/// <summary>
/// One case in a list, as the HTTP API and <c>supportbot transcripts list --json</c> show it. The first
/// seven properties are the documented contract; the rest are extra detail.
/// </summary>
public sealed record TranscriptSummaryView(
    long Id,
    string? ConversationId,
    string? Playbook,
    string? Agent,
    DateTimeOffset StartedAt,
    int Turns,
    bool Escalated,
    string? AgentName,
    string? Channel,
    string Status,
    string? Outcome,
    DateTimeOffset LastActivityAt,
    string ConversationKey,
    DispositionDecision? Disposition,
    bool Imported)
{
    public static TranscriptSummaryView From(TranscriptCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.ConversationId, c.PlaybookId, c.AgentId, c.StartedAt, c.Turns, c.Escalated, c.AgentName, c.ChannelId,
            c.Status.ToString().ToLowerInvariant(), c.OutcomeId, c.LastActivityAt, c.ConversationKey, c.Disposition, c.Imported);
    }
}
