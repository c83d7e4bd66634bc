using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer created on it (every <c>Task.Delay(d, clock)</c>),
/// so a test can wait until the code under test is sleeping, read how long it asked for, and advance exactly that far.
/// </summary>
internal sealed class ObservableClock : TimeProvider
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>Waits (in real time, up to 10 s) for the next timer and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await timers.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("Nothing started waiting on the fake clock.");
        }
    }

    /// <summary>Whether a timer was created that no test has read yet.</summary>
    public bool HasPendingTimer => timers.Reader.TryPeek(out _);
}
