using System.Text.Json.Nodes;

namespace SupportBot.Escalations;

/// <summary>What a finished playbook hands to the escalation engine.</summary>
public sealed record EscalationRequest(
    string PlaybookId,
    string Category,
    string Route,
    string Urgency,
    string? Reason,
    string Summary,
    IReadOnlyList<string> Tried,
    IReadOnlyList<string> Asks,
    string Note,
    string? Customer,
    JsonObject Facts,
    ConversationReference Conversation);
