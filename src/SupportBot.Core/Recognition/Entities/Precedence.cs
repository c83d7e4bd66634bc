namespace SupportBot.Recognition.Entities;

/// <summary>
/// How strongly a recogniser believes its reading. Overlapping candidates are settled by priority first,
/// then by the longer text, then by the earlier start.
/// </summary>
internal static class Precedence
{
    /// <summary>Email addresses: nothing else contains an "@".</summary>
    public const int Unmistakable = 100;

    /// <summary>A value after an explicit cue word: "order 5551234567", "sn …", "fw …", "port …", "ticket …", "ip:port".</summary>
    public const int Labelled = 90;

    /// <summary>Values whose shape alone says what they are: money with a currency, IPs, dates, camera models.</summary>
    public const int Shaped = 70;

    /// <summary>Unlabelled phone numbers.</summary>
    public const int Phone = 60;

    /// <summary>Weaker readings: unlabelled order-number shapes, a bare "#1234", durations.</summary>
    public const int Guess = 50;
}
