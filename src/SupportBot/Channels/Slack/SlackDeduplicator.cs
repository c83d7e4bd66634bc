namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Remembers the most recent keys (event ids, channel+ts pairs) so Slack's retries and double deliveries run
/// one turn only. Bounded: the least recently seen key is forgotten first. In memory, so per process.
/// </summary>
public sealed class SlackDeduplicator(int capacity = 10_000)
{
    private readonly Dictionary<string, LinkedListNode<string>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Returns true the first time a key is seen, false for a repeat.</summary>
    public bool TryAdd(string key)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return false;
            }

            _index[key] = _order.AddFirst(key);
            if (_index.Count > capacity)
            {
                _index.Remove(_order.Last!.Value);
                _order.RemoveLast();
            }

            return true;
        }
    }

    /// <summary>Forgets a key, so a later delivery of it is processed (used when an event could not be queued).</summary>
    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_index.Remove(key, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}
