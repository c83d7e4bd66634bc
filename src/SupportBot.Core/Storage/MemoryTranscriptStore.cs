using SupportBot.Transcripts;

namespace SupportBot.Storage;

/// <summary>In-memory transcripts for tests and for replaying transcripts offline.</summary>
public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly object _gate = new();
    private readonly List<TranscriptEntry> _entries = [];
    private readonly SortedDictionary<long, TranscriptCase> _cases = [];
    private long _lastCaseId;

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            _entries.AddRange(entries);
        }

        return Task.CompletedTask;
    }

    public Task<TranscriptCase> AppendTurnAsync(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            var saved = transcriptCase.Id == 0 ? transcriptCase with { Id = ++_lastCaseId } : transcriptCase;
            _lastCaseId = Math.Max(_lastCaseId, saved.Id);
            _cases[saved.Id] = saved;
            _entries.AddRange(entries.Select(e => e with { CaseId = saved.Id }));
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(
                _entries.Where(e => e.ConversationKey == conversationKey).ToList());
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
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(caseId == 0 ? [] : _entries.Where(e => e.CaseId == caseId).ToList());
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
        lock (_gate)
        {
            _entries.RemoveAll(e => e.CaseId == caseId && caseId != 0);
            return Task.FromResult(_cases.Remove(caseId));
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
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
}
