using SupportBot.Activities;
using SupportBot.Transcripts;

namespace SupportBot.Storage;

/// <summary>
/// In-memory transcripts for tests and for replaying transcripts offline. Entries are copied in and out,
/// as a database would, so a caller changing an activity after recording it (or after reading it back)
/// never changes the record.
/// </summary>
public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly object _gate = new();
    private readonly List<TranscriptEntry> _entries = [];
    private readonly SortedDictionary<long, TranscriptCase> _cases = [];
    private long _lastCaseId;

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = entries.Select(Copy).ToList();
        lock (_gate)
        {
            _entries.AddRange(copies);
        }

        return Task.CompletedTask;
    }

    public Task<TranscriptCase> AppendTurnAsync(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = entries.Select(Copy).ToList();
        lock (_gate)
        {
            var saved = transcriptCase.Id == 0 || !_cases.ContainsKey(transcriptCase.Id) ? transcriptCase with { Id = ++_lastCaseId } : transcriptCase;
            _lastCaseId = Math.Max(_lastCaseId, saved.Id);
            _cases[saved.Id] = saved;
            _entries.AddRange(copies.Select(e => e with { CaseId = saved.Id }));
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(
                _entries.Where(e => e.ConversationKey == conversationKey).Select(Copy).ToList());
        }
    }

    public Task<TranscriptCase?> GetCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_cases.GetValueOrDefault(caseId));
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetCaseEntriesAsync(long caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(caseId == 0 ? [] : _entries.Where(e => e.CaseId == caseId).Select(Copy).ToList());
        }
    }

    public Task<IReadOnlyList<TranscriptCase>> FindCasesAsync(TranscriptQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TranscriptCase>>(
                _cases.Values.Reverse().Where(query.Matches).Take(query.EffectiveLimit).ToList());
        }
    }

    public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _entries.RemoveAll(e => e.ConversationKey == conversationKey);
            foreach (var id in _cases.Values.Where(c => c.ConversationKey == conversationKey).Select(c => c.Id).ToList())
            {
                _cases.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _entries.RemoveAll(e => e.CaseId == caseId && caseId != 0);
            return Task.FromResult(_cases.Remove(caseId));
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var expired = _cases.Values.Where(c => c.LastActivityAt < cutoff).Select(c => c.Id).ToHashSet();
            _entries.RemoveAll(e => expired.Contains(e.CaseId) || (e.CaseId == 0 && e.Timestamp < cutoff));
            foreach (var id in expired)
            {
                _cases.Remove(id);
            }

            return Task.FromResult(expired.Count);
        }
    }

    private static TranscriptEntry Copy(TranscriptEntry entry) => entry with
    {
        Activity = ActivityJson.Deserialize(ActivityJson.Serialize(entry.Activity)),
        Snapshot = entry.Snapshot is { } snapshot ? snapshot with { Fields = (System.Text.Json.Nodes.JsonObject)snapshot.Fields.DeepClone() } : null,
    };
}
