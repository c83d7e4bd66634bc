using System.Text.Json.Serialization;
using SupportBot.Escalations;

namespace SupportBot.Host.Endpoints;

/// <summary>
/// An escalation as the board's JSON API shows it: statuses and actions as words, the actions allowed
/// now, and whether it is overdue. Empty values are written as <c>null</c> rather than left out, so a
/// client can tell "no one assigned" from "field missing".
/// </summary>
public sealed record EscalationView(
    long Id,
    string Playbook,
    string Category,
    string Route,
    string Status,
    string Urgency,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Assignee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DueAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? StepDeadline,
    bool Overdue,
    bool OffHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Customer,
    string Summary,
    IReadOnlyList<string> Tried,
    IReadOnlyList<string> Asks,
    string Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PendingQuestion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Decision,
    IReadOnlyList<string> AllowedActions,
    EscalationConversationView Conversation,
    IReadOnlyList<AuditEntryView> Audit)
{
    public static EscalationView From(Escalation escalation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return new EscalationView(
            escalation.Id,
            escalation.PlaybookId,
            escalation.Category,
            escalation.Route,
            escalation.Status.ToString(),
            escalation.Urgency,
            escalation.CreatedAt,
            escalation.Assignee,
            escalation.DueAt,
            escalation.StepDeadline,
            IsOverdue(escalation, now),
            escalation.OffHours,
            escalation.Customer,
            escalation.Summary,
            escalation.Tried,
            escalation.Asks,
            escalation.Note,
            escalation.Reason,
            escalation.PendingQuestion,
            escalation.Decision,
            EscalationTransitions.Allowed(escalation.Status).Select(a => a.ToString()).ToList(),
            new EscalationConversationView(escalation.Conversation.ChannelId, escalation.Conversation.ConversationId, escalation.Conversation.AgentName),
            escalation.Audit.Select(a => new AuditEntryView(a.At, a.Who, a.Action, a.Detail)).ToList());
    }

    /// <summary>Still open and past the deadline of its current chain step.</summary>
    public static bool IsOverdue(Escalation escalation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return !escalation.IsClosed && escalation.StepDeadline is { } deadline && deadline < now;
    }
}

public sealed record EscalationConversationView(
    string ChannelId,
    string ConversationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AgentName);

public sealed record AuditEntryView(
    DateTimeOffset At,
    string Who,
    string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Detail);
