using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;

namespace SupportBot.Playbooks;

/// <summary>Fills an outcome's templates from the collected values and renders the final message.</summary>
public static class OutcomeRenderer
{
    public const string ContentType = "application/vnd.supportbot.outcome+json";

    public static OutcomeView Build(PlaybookDefinition playbook, OutcomeDefinition outcome, JsonObject values, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(values);
        var lookup = FieldFormatter.LookupFor(playbook, values, agentName);
        string Fill(string text) => FieldFormatter.Fill(text, lookup);

        // Notes take what the agent typed only after it is stripped of quotes and emotive asides.
        string FillNote(string text) => FieldFormatter.Fill(text, field => lookup(field) is { } value ? NoteStyle.Neutralize(value) : null);

        return new OutcomeView
        {
            PlaybookId = playbook.Id,
            PlaybookTitle = playbook.Title,
            Title = Fill(outcome.Title),
            Actions = outcome.Actions.Select(Fill).ToList(),
            Note = new NoteView
            {
                Customer = FillNote(outcome.Note.Customer ?? "Account holder"),
                Reason = FillNote(outcome.Note.Reason),
                Resolution = outcome.Note.Resolution.Select(FillNote).ToList(),
                AdditionalInfo = outcome.Note.AdditionalInfo is null ? null : FillNote(outcome.Note.AdditionalInfo),
                FollowUp = outcome.Note.FollowUp is null ? null : FillNote(outcome.Note.FollowUp),
            },
            DispositionCategory = outcome.Disposition.Category,
            DispositionName = outcome.Disposition.Name,
            EscalationRoute = outcome.Escalation?.Route,
            EscalationUrgency = outcome.Escalation?.Urgency.ToString().ToLowerInvariant(),
            EscalationReason = outcome.Escalation?.Reason is null ? null : Fill(outcome.Escalation.Reason),
        };
    }

    /// <summary>A message any channel can show as text, with the structured outcome attached for richer channels.</summary>
    public static Activity ToActivity(Activity replyTo, OutcomeView view)
    {
        ArgumentNullException.ThrowIfNull(replyTo);
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        text.Append("**").Append(view.Title).Append("**\n\n**Do now**\n");
        for (var i = 0; i < view.Actions.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(view.Actions[i]).Append('\n');
        }

        text.Append("\n**Ticket note** (copy into the ticket)\n```\n").Append(view.Note.ToPlainText()).Append("\n```\n");
        text.Append("\n**Suggested disposition:** ").Append(view.DispositionCategory).Append(" > ").Append(view.DispositionName);
        if (view.EscalationRoute is not null)
        {
            text.Append("\n\n**Escalate to:** ").Append(view.EscalationRoute).Append(" (").Append(view.EscalationUrgency).Append(')');
            if (view.EscalationReason is not null)
            {
                text.Append(" - ").Append(view.EscalationReason);
            }
        }

        var reply = replyTo.CreateReply(text.ToString());
        reply.TextFormat = "markdown";
        reply.Attachments =
        [
            new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToNode(view, ActivityJson.Options) },
        ];
        return reply;
    }
}
