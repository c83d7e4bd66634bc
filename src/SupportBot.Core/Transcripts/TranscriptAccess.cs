using Microsoft.Extensions.Options;

namespace SupportBot.Transcripts;

/// <summary>
/// Who may see which transcripts and scores: trainers (configured by user id) see everyone's, agents
/// only their own. Every trainer-facing surface (chat, web page, HTTP API) asks here.
/// </summary>
public sealed class TranscriptAccess(IOptionsMonitor<TrainingOptions> options)
{
    public bool IsTrainer(string? userId) =>
        !string.IsNullOrEmpty(userId) && options.CurrentValue.Trainers.Contains(userId, StringComparer.Ordinal);

    public bool CanSee(string? userId, TranscriptCase transcriptCase)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        return IsTrainer(userId) || (!string.IsNullOrEmpty(userId) && string.Equals(transcriptCase.AgentId, userId, StringComparison.Ordinal));
    }

    /// <summary>May this user see the given trainee's (or agent's) own records?</summary>
    public bool CanSeeRecordsOf(string? userId, string subjectId) =>
        IsTrainer(userId) || (!string.IsNullOrEmpty(userId) && string.Equals(userId, subjectId, StringComparison.Ordinal));

    /// <summary>
    /// The query narrowed to what the user may see: unchanged for a trainer, the user's own cases for
    /// anyone else. Null when an agent asks for someone else's cases.
    /// </summary>
    public TranscriptQuery? Restrict(string? userId, TranscriptQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (IsTrainer(userId))
        {
            return query;
        }

        if (string.IsNullOrEmpty(userId) || (query.AgentId is not null && !string.Equals(query.AgentId, userId, StringComparison.Ordinal)))
        {
            return null;
        }

        return query with { AgentId = userId };
    }
}
