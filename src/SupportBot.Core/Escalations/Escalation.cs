using System.Text.Json.Nodes;

namespace SupportBot.Escalations;

public enum EscalationStatus
{
    Open,
    Acknowledged,
    TakenOver,
    Resolved,
    ReturnedToAgent,
    Expired,
}

/// <summary>Where the agent's conversation lives, so lead actions can be reported back into it.</summary>
public sealed record ConversationReference(string ChannelId, string ConversationId, string? ServiceUrl, string? AgentId, string? AgentName);

/// <summary>One entry of the append-only audit trail: who did what, when.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Action, string? Detail = null);

/// <summary>
/// A situation handed to a lead: what happened, what was collected, where it is routed, and where it
/// stands. The status lives in this document (not in the engine), so any host can pick it up.
/// </summary>
public sealed class Escalation
{
    public long Id { get; set; }

    public string PlaybookId { get; set; } = "";

    /// <summary>What kind of situation, in words (the playbook's title).</summary>
    public string Category { get; set; } = "";

    public string Urgency { get; set; } = "normal";

    /// <summary>The role it is routed to, e.g. <c>escalation-lead</c>.</summary>
    public string Route { get; set; } = "";

    public bool OffHours { get; set; }

    public string? Reason { get; set; }

    public string? Customer { get; set; }

    /// <summary>What happened, in one or two lines.</summary>
    public string Summary { get; set; } = "";

    /// <summary>What the agent already did.</summary>
    public List<string> Tried { get; set; } = [];

    /// <summary>What the lead is asked to do.</summary>
    public List<string> Asks { get; set; } = [];

    public string Note { get; set; } = "";

    public JsonObject Facts { get; set; } = [];

    public ConversationReference Conversation { get; set; } = new("", "", null, null, null);

    public DateTimeOffset CreatedAt { get; set; }

    public EscalationStatus Status { get; set; } = EscalationStatus.Open;

    /// <summary>Position in the route's chain of members (0 = first).</summary>
    public int ChainStep { get; set; }

    /// <summary>The member currently asked to act; null once the chain has run out.</summary>
    public string? Assignee { get; set; }

    /// <summary>When the timer next fires (a reminder, then the step's deadline); null when no timer runs.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the current chain step runs out and the next member is asked.</summary>
    public DateTimeOffset? StepDeadline { get; set; }

    /// <summary>Whether the reminder for the current step has been sent.</summary>
    public bool Reminded { get; set; }

    /// <summary>A question from a lead waiting for the agent's answer.</summary>
    public string? PendingQuestion { get; set; }

    public string? Decision { get; set; }

    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>Optimistic concurrency: the store refuses an update made from an older version.</summary>
    public int Version { get; set; }

    public bool IsClosed => Status is EscalationStatus.Resolved or EscalationStatus.ReturnedToAgent or EscalationStatus.Expired;
}
