namespace SupportBot.Recognition.Entities;

/// <summary>
/// What recognition needs besides the text: the moment relative dates are counted from (the recogniser never
/// reads the clock) and the customer's region for phone numbers and "$".
/// </summary>
/// <param name="ReferenceTime">"Now" for "today", "last tuesday", "3 days ago".</param>
/// <param name="TimeZone">
/// The zone whose calendar day "today" is; when null, the offset of <paramref name="ReferenceTime"/> is used.
/// </param>
public sealed record EntityContext(DateTimeOffset ReferenceTime, TimeZoneInfo? TimeZone = null)
{
    /// <summary>ISO-3166 region for numbers typed without a country code, and whose dollar "$" means. "US" by default.</summary>
    public string DefaultRegion { get; init; } = "US";

    /// <summary>
    /// The kind the bot has just asked for, if any. It only settles a bare "#1234" that could be an order or a
    /// ticket number; everything else is recognised the same whatever was asked.
    /// </summary>
    public EntityKind? Expecting { get; init; }

    /// <summary><see cref="ReferenceTime"/> seen in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset LocalReferenceTime =>
        TimeZone is null ? ReferenceTime : TimeZoneInfo.ConvertTime(ReferenceTime, TimeZone);

    /// <summary>The calendar day of <see cref="LocalReferenceTime"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(LocalReferenceTime.DateTime);

    /// <summary>A context for <paramref name="referenceTime"/> in UTC.</summary>
    public static EntityContext Utc(DateTimeOffset referenceTime) => new(referenceTime, TimeZoneInfo.Utc);
}
