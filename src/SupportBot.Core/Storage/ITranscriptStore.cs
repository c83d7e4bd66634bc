using SupportBot.Activities;
using SupportBot.Transcripts;

namespace SupportBot.Storage;

public enum TranscriptDirection
{
    Inbound,
    Outbound,
}

/// <summary>One recorded activity of a conversation, already redacted.</summary>
/// <param name="CaseId">The case the activity belongs to; 0 for activities outside any case (a welcome on install).</param>
/// <param name="Snapshot">On a turn's inbound entry: where the dialog stood after the turn.</param>
public sealed record TranscriptEntry(
    string ConversationKey,
    DateTimeOffset Timestamp,
    TranscriptDirection Direction,
    Activity Activity,
    long CaseId = 0,
    TurnSnapshot? Snapshot = null);

/// <summary>
/// The recorded inbound and outbound activities of every conversation, grouped into cases
/// (<see cref="TranscriptCase"/>) that trainers list, replay and export.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Appends a turn's entries in one atomic write, preserving their order.</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the case's summary and appends the turn's entries to it, in one atomic write. A case with
    /// id 0 is new and gets an id, and so does one whose id is no longer stored (deleted or purged while
    /// still open in its conversation); the saved case (with its id) is returned.
    /// </summary>
    Task<TranscriptCase> AppendTurnAsync(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>The conversation's entries in the order they were recorded.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken);

    Task<TranscriptCase?> GetCaseAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>The case's entries in the order they were recorded.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetCaseEntriesAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>Cases matching the query, newest first, at most <see cref="TranscriptQuery.EffectiveLimit"/>.</summary>
    Task<IReadOnlyList<TranscriptCase>> FindCasesAsync(TranscriptQuery query, CancellationToken cancellationToken);

    /// <summary>Removes a conversation's transcript and cases for good.</summary>
    Task DeleteAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Removes one case and its entries for good; false when there was no such case.</summary>
    Task<bool> DeleteCaseAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes, for good, every case whose last activity is older than <paramref name="cutoff"/> with its
    /// entries, and entries outside any case recorded before it. Returns the number of cases removed.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
