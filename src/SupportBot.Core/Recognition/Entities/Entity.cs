namespace SupportBot.Recognition.Entities;

/// <summary>
/// A value found in an agent's message.
/// </summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Text">The value exactly as typed, without the cue word before it ("12345678" in "order 12345678").</param>
/// <param name="Value">The value in normalised form; see <see cref="EntityKind"/> for each kind's form.</param>
/// <param name="Start">Where <paramref name="Text"/> starts in the message.</param>
/// <param name="Length">How long <paramref name="Text"/> is.</param>
/// <param name="Label">
/// What the message says about the value, when it says: "http", "tcp", "rtsp"… for ports; "wan", "lan" or
/// "gateway" for IP addresses; "local" for a phone number typed without its area code.
/// </param>
public sealed record Entity(EntityKind Kind, string Text, string Value, int Start, int Length, string? Label = null)
{
    /// <summary>The index just past <see cref="Text"/>.</summary>
    public int End => Start + Length;

    /// <summary>The number in a <see cref="EntityKind.Money"/> amount or a <see cref="EntityKind.Duration"/> (3 for "3 months").</summary>
    public decimal? Amount { get; init; }

    /// <summary>The ISO-4217 currency code of <see cref="EntityKind.Money"/> ("USD"), or the unit of a <see cref="EntityKind.Duration"/> ("months").</summary>
    public string? Unit { get; init; }

    /// <summary>For <see cref="EntityKind.IpAddress"/>: whether the address is public, private, loopback and so on.</summary>
    public IpScope? Scope { get; init; }
}
