namespace SupportBot.Escalations;

/// <summary>
/// Routes are roles (section <c>Escalations</c>): each maps to destinations (the local board, a Teams
/// channel, a Slack channel) and an ordered chain of members who are asked in turn.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalations";

    public Dictionary<string, RouteOptions> Routes { get; set; } = new(StringComparer.Ordinal);

    public BusinessHoursOptions BusinessHours { get; set; } = new();

    /// <summary>How often due timers and the outbox are checked.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delivery attempts are spaced from this, doubling each time, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class RouteOptions
{
    /// <summary>
    /// Where summaries are posted: <c>local</c>, <c>teams:&lt;channel id&gt;</c>, <c>slack:&lt;channel id&gt;</c>.
    /// Starts empty because configuration binding appends to a list; the validator requires at least one.
    /// </summary>
    public List<string> Destinations { get; set; } = [];

    /// <summary>Members asked in order; each has this long to acknowledge before the next is asked.</summary>
    public List<ChainStepOptions> Chain { get; set; } = [];

    /// <summary>What happens when the chain runs out, in words (e.g. "callback ticket", "voicemail").</summary>
    public string? WhenChainEnds { get; set; }

    /// <summary>Used instead of this route outside business hours, when set.</summary>
    public RouteOptions? OffHours { get; set; }

    /// <summary>Anyone who may act on this route's escalations: the chain members plus these.</summary>
    public List<string> Members { get; set; } = [];

    public IEnumerable<string> AllMembers => Chain.Select(c => c.Member).Concat(Members).Concat(OffHours?.AllMembers ?? []).Distinct(StringComparer.Ordinal);
}

public sealed class ChainStepOptions
{
    public string Member { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class BusinessHoursOptions
{
    /// <summary>IANA or Windows time zone id of the contact centre.</summary>
    public string TimeZone { get; set; } = "UTC";

    public TimeOnly Start { get; set; } = new(8, 0);

    public TimeOnly End { get; set; } = new(18, 0);

    /// <summary>Open days; empty means Monday to Friday (binding appends to lists, so the default cannot be pre-filled).</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    public bool IsOpen(DateTimeOffset now)
    {
        IReadOnlyList<DayOfWeek> days = Days.Count > 0 ? Days : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }
}
