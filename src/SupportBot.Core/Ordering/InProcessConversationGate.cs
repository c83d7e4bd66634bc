namespace SupportBot.Ordering;

/// <summary>
/// One FIFO queue per active conversation inside this process. Entries are reference counted and
/// removed when the last waiter leaves, so idle conversations cost nothing.
/// </summary>
public sealed class InProcessConversationGate : IConversationGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<IAsyncDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                _entries.Add(conversationKey, entry);
            }

            entry.Users++;
        }

        try
        {
            // SemaphoreSlim releases asynchronous waiters in the order they started waiting.
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(conversationKey, entry, release: false);
            throw;
        }

        return new Place(this, conversationKey, entry);
    }

    internal int ActiveConversations
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(string conversationKey, Entry entry, bool release)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationKey);
            }
        }

        if (release)
        {
            entry.Semaphore.Release();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Place(InProcessConversationGate gate, string key, Entry entry) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(key, entry, release: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
