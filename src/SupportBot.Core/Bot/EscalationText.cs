using System.Text;
using SupportBot.Escalations;

namespace SupportBot.Bot;

/// <summary>The one glanceable summary of an escalation, as chat text.</summary>
public static class EscalationText
{
    public static string Summary(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var text = new StringBuilder();
        text.Append($"**Escalation #{escalation.Id}: {escalation.Category}** ({escalation.Urgency}, {EscalationService.Describe(escalation.Status)})\n");
        text.Append($"Route: {escalation.Route}{(escalation.OffHours ? " (off-hours)" : "")}; with {escalation.Assignee ?? "nobody"}\n");
        if (escalation.Customer is not null)
        {
            text.Append($"Customer: {escalation.Customer}\n");
        }

        text.Append($"What happened: {escalation.Summary}\n");
        if (escalation.Tried.Count > 0)
        {
            text.Append("Already tried: ").Append(string.Join("; ", escalation.Tried)).Append('\n');
        }

        if (escalation.Asks.Count > 0)
        {
            text.Append("Asked of the lead: ").Append(string.Join("; ", escalation.Asks)).Append('\n');
        }

        text.Append($"Back to the conversation: {escalation.Conversation.ChannelId}/{escalation.Conversation.ConversationId} ({escalation.Conversation.AgentName ?? escalation.Conversation.AgentId})\n");
        text.Append("Note:\n```\n").Append(escalation.Note).Append("\n```");
        var allowed = EscalationTransitions.Allowed(escalation.Status).ToList();
        if (allowed.Count > 0)
        {
            text.Append($"\nReply with: {string.Join(", ", allowed.Select(a => Command(a, escalation.Id)))}");
        }

        return text.ToString();
    }

    private static string Command(LeadAction action, long id) => action switch
    {
        LeadAction.Acknowledge => $"ack {id}",
        LeadAction.TakeOver => $"take over {id}",
        LeadAction.Approve => $"approve {id}",
        LeadAction.Decline => $"decline {id}",
        LeadAction.NeedMoreInfo => $"ask {id} <question>",
        LeadAction.Resolve => $"resolve {id}",
        LeadAction.ReturnToAgent => $"return {id} <reason>",
        _ => action.ToString(),
    };
}
