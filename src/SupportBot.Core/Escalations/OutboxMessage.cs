using System.Text.Json.Nodes;

namespace SupportBot.Escalations;

public static class OutboxKinds
{
    /// <summary>The escalation summary, posted to a route destination (or updated in place there).</summary>
    public const string Summary = "summary";

    /// <summary>A reminder to the member currently asked to act.</summary>
    public const string Reminder = "reminder";

    /// <summary>A message into the agent's conversation (a lead acted, or asks a question).</summary>
    public const string AgentNotice = "agent-notice";

    /// <summary>A message to the lead who asked a question (the agent's answer).</summary>
    public const string LeadNotice = "lead-notice";
}

/// <summary>
/// A message waiting to be delivered. It is written together with the change that caused it, so it
/// cannot be lost; its id makes delivery idempotent, so it is never posted twice.
/// </summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public long EscalationId { get; set; }

    public string Kind { get; set; } = OutboxKinds.Summary;

    /// <summary><c>local</c>, <c>teams:...</c>, <c>slack:...</c>, or <c>conversation</c> for the agent's own conversation.</summary>
    public string Destination { get; set; } = "local";

    public string Text { get; set; } = "";

    public JsonObject? Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}
