using System.Runtime.CompilerServices;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Spaces posts to one Slack channel to about one per second (Slack's chat.postMessage limit) after a short burst,
/// keeping them in order: each channel has a token bucket and an async gate that is held until the post is answered.
/// Idle channels are forgotten, so memory stays bounded by the channels posted to in the last few seconds.
/// </summary>
public sealed class SlackChannelPacer(TimeProvider timeProvider, int burst = 3, TimeSpan? interval = null)
{
    private static readonly ConditionalWeakTable<TimeProvider, SlackChannelPacer> Shared = new();

    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>Channels remembered before idle ones are swept.</summary>
    public const int SweepThreshold = 256;

    /// <summary>The pacer shared by every client on <paramref name="timeProvider"/> (typed HttpClients are transient).</summary>
    public static SlackChannelPacer For(TimeProvider timeProvider) => Shared.GetValue(timeProvider, tp => new SlackChannelPacer(tp));

    internal int TrackedChannels
    {
        get
        {
            lock (_sync)
            {
                return _channels.Count;
            }
        }
    }

    /// <summary>Waits for the channel's turn; dispose the result once the post is answered.</summary>
    public async Task<IDisposable> AcquireAsync(string channel, CancellationToken cancellationToken)
    {
        ChannelState state;
        lock (_sync)
        {
            if (!_channels.TryGetValue(channel, out state!))
            {
                state = new ChannelState(burst, timeProvider.GetTimestamp());
                _channels[channel] = state;
            }

            state.Users++;
        }

        try
        {
            await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(state);
            throw;
        }

        try
        {
            var wait = Take(state);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                Refill(state);
                state.Tokens = Math.Max(0, state.Tokens - 1);
            }
        }
        catch
        {
            state.Gate.Release();
            Leave(state);
            throw;
        }

        return new Releaser(this, state);
    }

    /// <summary>Takes a token if one is there (returns zero) or says how long until one is.</summary>
    private TimeSpan Take(ChannelState state)
    {
        Refill(state);
        if (state.Tokens >= 1)
        {
            state.Tokens -= 1;
            return TimeSpan.Zero;
        }

        return _interval * (1 - state.Tokens);
    }

    private void Refill(ChannelState state)
    {
        var now = timeProvider.GetTimestamp();
        var elapsed = timeProvider.GetElapsedTime(state.LastRefill, now);
        state.LastRefill = now;
        state.Tokens = Math.Min(burst, state.Tokens + (elapsed / _interval));
    }

    private void Leave(ChannelState state)
    {
        lock (_sync)
        {
            state.Users--;
            if (_channels.Count <= SweepThreshold)
            {
                return;
            }

            var now = timeProvider.GetTimestamp();
            var idle = _interval * burst;
            foreach (var (key, value) in _channels.ToList())
            {
                if (value.Users == 0 && timeProvider.GetElapsedTime(value.LastRefill, now) >= idle)
                {
                    _channels.Remove(key);
                }
            }
        }
    }

    private sealed class ChannelState(int burst, long now)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public double Tokens { get; set; } = burst;

        public long LastRefill { get; set; } = now;

        public int Users { get; set; }
    }

    private sealed class Releaser(SlackChannelPacer owner, ChannelState state) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                state.Gate.Release();
                owner.Leave(state);
            }
        }
    }
}
