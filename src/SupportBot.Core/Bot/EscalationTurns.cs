using System.Text.Json.Nodes;
using SupportBot.Dialogs;
using SupportBot.Escalations;
using SupportBot.Playbooks;
using SupportBot.State;
using SupportBot.Telemetry;
using SupportBot.Turns;

namespace SupportBot.Bot;

/// <summary>
/// The escalation side of a conversation: creating an escalation when an outcome calls for one, lead
/// commands typed in chat, a lead's notice or question arriving in the agent's conversation, and the
/// agent's answer going back.
/// </summary>
internal sealed class EscalationTurns(EscalationService escalations, DialogSet dialogs)
{
    public async Task EscalateAsync(ITurnContext turn, PlaybookResult result, CancellationToken cancellationToken)
    {
        var view = result.Outcome;
        var activity = turn.Activity;
        using var span = SupportBotTelemetry.Source.StartActivity("escalation.create");
        await escalations.CreateAsync(new EscalationRequest(
            result.PlaybookId,
            view.PlaybookTitle,
            view.EscalationRoute!,
            view.EscalationUrgency ?? "normal",
            view.EscalationReason,
            view.Note.Reason,
            view.Note.Resolution,
            view.EscalationReason is null ? ["Review the case and take it from here."] : [view.EscalationReason],
            view.Note.ToPlainText(),
            view.Note.Customer,
            (JsonObject)result.Values.DeepClone(),
            new ConversationReference(
                activity.ChannelId ?? "unknown",
                activity.Conversation!.Id!,
                activity.ChannelId is "webchat" or "terminal" ? null : activity.ServiceUrl,
                activity.From?.Id,
                activity.From?.Name)), cancellationToken);
    }

    /// <summary>A lead acted on (or asked about) an escalation from this conversation: tell the agent.</summary>
    public static async Task OnNoticeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Value is not JsonObject value || value["text"]?.GetValue<string>() is not { } text)
        {
            return;
        }

        await turn.SendActivityAsync(text, cancellationToken);
        if (value["question"] is JsonValue && value["escalationId"] is JsonValue id)
        {
            turn.ConversationData().Values[TriageBot.PendingQuestionKey] = id.GetValue<long>();
        }
    }

    /// <summary>
    /// Lead commands ("my escalations", "ack 42"), and the agent's answer to a lead's question. Returns
    /// true when the message was one of these.
    /// </summary>
    public async Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        var actor = turn.Activity.From?.Id ?? "unknown";
        if (LeadCommands.Recognize(text) is { } command)
        {
            switch (command.Kind)
            {
                case LeadCommand.Mine:
                    var mine = await escalations.ForMemberAsync(actor, cancellationToken);
                    await turn.SendActivityAsync(mine.Count == 0
                        ? "You have no open escalations."
                        : "Your open escalations:\n" + string.Join("\n", mine.Select(e => $"- #{e.Id} {e.Category} ({e.Urgency}, {EscalationService.Describe(e.Status)}, with {e.Assignee ?? "nobody"})")), cancellationToken);
                    return true;
                case LeadCommand.Show:
                    var escalation = await escalations.GetAsync(command.EscalationId!.Value, cancellationToken);
                    await turn.SendActivityAsync(escalation is null ? $"There is no escalation #{command.EscalationId}." : EscalationText.Summary(escalation), cancellationToken);
                    return true;
                default:
                    var outcome = await escalations.ActAsync(command.EscalationId!.Value, command.Action!.Value, actor, command.Text, cancellationToken);
                    await turn.SendActivityAsync(outcome.Message, cancellationToken);
                    return true;
            }
        }

        if (data.Values[TriageBot.PendingQuestionKey] is JsonValue pending && AgentCommands.Recognize(text) == AgentCommand.None && !string.IsNullOrWhiteSpace(text))
        {
            data.Values.Remove(TriageBot.PendingQuestionKey);
            var id = pending.GetValue<long>();
            var sent = await escalations.AnswerQuestionAsync(id, turn.Activity.From?.Name ?? actor, text, cancellationToken);
            await turn.SendActivityAsync(sent ? $"Sent your answer to the lead on escalation #{id}." : $"Escalation #{id} no longer has an open question.", cancellationToken);
            if (new DialogContext(dialogs, turn, data.Dialogs).ActiveDialog is not null)
            {
                await new DialogContext(dialogs, turn, data.Dialogs).RepromptDialogAsync(cancellationToken);
            }

            return true;
        }

        return false;
    }
}
