namespace SupportBot.Transcripts.Verification;

/// <summary>
/// A clock that stands still wherever it is set: a replayed turn sees the instant its inbound activity
/// was recorded at, so relative dates ("yesterday"), business hours and idle timeouts resolve as they
/// did in the recording. Its local time zone is UTC so a replay does not depend on the machine it runs on.
/// </summary>
public sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
