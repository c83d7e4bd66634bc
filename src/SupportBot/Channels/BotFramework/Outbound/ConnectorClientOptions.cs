namespace SupportBot.Host.Channels.BotFramework.Outbound;

/// <summary>Retry and pacing settings of <see cref="ConnectorClient"/>. The defaults follow protocol section 3.</summary>
public sealed class ConnectorClientOptions
{
    /// <summary>Retries after the first attempt for 429, 412, 502, 503 and 504 (a 401 token refresh is not counted).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; each later one doubles, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Backoff delays vary randomly by up to this fraction either way (0.2 = ±20 %).</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>The longest <c>Retry-After</c> that is honoured as sent; longer ones are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The least time between the starts of two operations on one conversation: 150 ms keeps a conversation under the
    /// documented 7 sends per second per bot. Zero turns pacing off (operations stay serialised).
    /// </summary>
    public TimeSpan MinSendInterval { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Pace connectors on this machine too. Off by default: the Agents Playground and test fakes have no
    /// rate limits, and pacing them would only slow local use and benchmarks.
    /// </summary>
    public bool PaceLoopback { get; set; }

    /// <summary>The random source for jitter, returning values in [0, 1); replaceable in tests.</summary>
    internal Func<double> NextRandom { get; set; } = Random.Shared.NextDouble;
}
