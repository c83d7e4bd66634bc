using Microsoft.Extensions.Options;

namespace SupportBot.Host.Channels.BotFramework.Outbound;

/// <summary>
/// Serialises Bot Connector operations per conversation, in arrival order, and spaces their starts by at least
/// <see cref="ConnectorClientOptions.MinSendInterval"/> (protocol section 3: "serialise sends per conversation";
/// 7 sends per second per conversation). Different conversations never wait for each other.
/// </summary>
/// <remarks>
/// All threads of a Teams channel (<c>19:...@thread.tacv2;messageid=...</c>) share the channel's gate, since the
/// connector counts them as one conversation. Memory is bounded: a conversation's entry is dropped once nobody holds
/// or waits for it and its spacing has passed; idle entries still inside their spacing are swept when many pile up.
/// One instance is shared by every <see cref="ConnectorClient"/> (a singleton in DI).
/// </remarks>
public sealed class ConversationSendGate
{
    private const int SweepThreshold = 256;

    private readonly TimeProvider time;
    private readonly TimeSpan minInterval;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    public ConversationSendGate(TimeProvider time, IOptions<ConnectorClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        minInterval = options.Value.MinSendInterval < TimeSpan.Zero ? TimeSpan.Zero : options.Value.MinSendInterval;
    }

    /// <summary>How many conversations currently have an entry (for tests and diagnostics).</summary>
    internal int TrackedConversations
    {
        get
        {
            lock (sync)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The gate key of a conversation id: a channel thread's id without its <c>;messageid=</c> part.</summary>
    public static string KeyOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? conversationId[..thread] : conversationId;
    }

    /// <summary>
    /// Waits for the conversation's earlier operations to finish and for its spacing to pass; dispose the lease when the
    /// operation (with its retries) is done. Waiters are served first come, first served.
    /// </summary>
    /// <param name="paced">False for connectors without Teams' rate limits (the playground, tests on loopback): serialised only.</param>
    public async Task<IAsyncDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken, bool paced = true)
    {
        var key = KeyOf(conversationId);
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Entry entry;
        Task previous;
        lock (sync)
        {
            if (!entries.TryGetValue(key, out entry!))
            {
                if (entries.Count >= SweepThreshold)
                {
                    Sweep();
                }

                entry = new Entry();
                entries.Add(key, entry);
            }

            previous = entry.Tail;
            entry.Tail = turn.Task;
            entry.Users++;
        }

        try
        {
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
            TimeSpan wait;
            lock (sync)
            {
                wait = entry.NextStart - time.GetUtcNow();
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            lock (sync)
            {
                entry.NextStart = paced ? time.GetUtcNow() + minInterval : DateTimeOffset.MinValue;
            }

            return new Lease(this, key, entry, turn);
        }
        catch
        {
            // Keep the order: those queued behind this caller go only when the ones ahead of it are done.
            _ = previous.ContinueWith(_ => Exit(key, entry, turn), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private void Exit(string key, Entry entry, TaskCompletionSource turn)
    {
        lock (sync)
        {
            entry.Users--;
            if (entry.Users == 0 && entry.NextStart <= time.GetUtcNow() && entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
            {
                entries.Remove(key);
            }
        }

        turn.TrySetResult();
    }

    // Called with sync held.
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in entries.ToList())
        {
            if (entry.Users == 0 && entry.NextStart <= now)
            {
                entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Users { get; set; }

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Lease(ConversationSendGate gate, string key, Entry entry, TaskCompletionSource turn) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Exit(key, entry, turn);
            }

            return ValueTask.CompletedTask;
        }
    }
}
