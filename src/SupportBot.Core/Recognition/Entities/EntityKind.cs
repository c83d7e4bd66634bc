namespace SupportBot.Recognition.Entities;

/// <summary>What kind of value an <see cref="Entity"/> is.</summary>
public enum EntityKind
{
    /// <summary>An order number: "order 12345678", "ord# A12345", "100-2000-3000", a bare "#123456".</summary>
    OrderNumber,

    /// <summary>An email address; the value is lower-case.</summary>
    Email,

    /// <summary>A phone number; the value is E.164 ("+15550100000"), or the local digits when no area code was typed.</summary>
    Phone,

    /// <summary>An amount of money; the value is "49.99 USD".</summary>
    Money,

    /// <summary>A calendar date, absolute or relative; the value is ISO-8601 ("2026-11-24", "2026-W47", "2026-11").</summary>
    Date,

    /// <summary>A length of time ("3 months of billing"); the value is an ISO-8601 duration ("P3M").</summary>
    Duration,

    /// <summary>A camera, recorder or video-management model; the value is the canonical name ("Reveal X-Pro").</summary>
    CameraModel,

    /// <summary>A serial number given after "sn", "s/n" or "serial"; the value is upper-case.</summary>
    SerialNumber,

    /// <summary>A dotted firmware or software version given after "fw", "firmware", "version" or "v".</summary>
    FirmwareVersion,

    /// <summary>An IPv4 address; the value is its canonical form and <see cref="Entity.Scope"/> says whether it is private.</summary>
    IpAddress,

    /// <summary>A TCP/UDP port after "port" or in "ip:port"; <see cref="Entity.Label"/> keeps "http", "tcp" and the like.</summary>
    Port,

    /// <summary>A support ticket or case number: "ticket 12345", "case #4321", "tkt 98765", a short bare "#4321".</summary>
    TicketNumber,
}
