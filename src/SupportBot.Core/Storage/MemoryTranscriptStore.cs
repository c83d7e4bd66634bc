namespace SupportBot.Storage;

/// <summary>In-memory transcripts for tests.</summary>
public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly List<TranscriptEntry> _entries = [];

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries.AddRange(entries);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(
                _entries.Where(e => e.ConversationKey == conversationKey).ToList());
        }
    }

    public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries.RemoveAll(e => e.ConversationKey == conversationKey);
        }

        return Task.CompletedTask;
    }
}
