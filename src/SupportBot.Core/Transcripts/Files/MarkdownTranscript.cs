using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Playbooks;
using SupportBot.Storage;

namespace SupportBot.Transcripts.Files;

/// <summary>
/// A case as a Markdown page a trainer reads top to bottom: the case's facts, then each turn with what
/// the agent sent, what SupportBot answered (its choices as a list) and where the playbook stood after.
/// </summary>
public static class MarkdownTranscript
{
    public static string Write(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        var page = new StringBuilder();
        WriteHeader(page, transcriptCase);
        var turns = TranscriptTurn.Group(entries);
        if (turns.Count == 0)
        {
            page.Append("\n_No messages were recorded for this case._\n");
        }

        foreach (var turn in turns)
        {
            WriteTurn(page, turn);
        }

        return page.ToString();
    }

    private static void WriteHeader(StringBuilder page, TranscriptCase c)
    {
        page.Append("# Case ").Append(c.Id.ToString(CultureInfo.InvariantCulture));
        page.Append(": ").Append(c.PlaybookId is null ? "no playbook" : Escape(c.PlaybookId)).Append("\n\n");
        page.Append("| Fact | Value |\n| --- | --- |\n");
        Fact(page, "Conversation", c.ConversationKey);
        Fact(page, "Channel", c.ChannelId);
        Fact(page, "Agent", c.AgentName is null ? c.AgentId : $"{c.AgentName} ({c.AgentId ?? "no id"})");
        Fact(page, "Playbook", c.PlaybookId ?? "none");
        Fact(page, "Started", Time(c.StartedAt));
        Fact(page, "Last activity", Time(c.LastActivityAt));
        Fact(page, "Agent messages", c.Turns.ToString(CultureInfo.InvariantCulture));
        Fact(page, "Status", c.Status.ToString().ToLowerInvariant());
        Fact(page, "Outcome", c.OutcomeId ?? "none");
        Fact(page, "Escalated", c.Escalated ? "yes" : "no");
        Fact(page, "Disposition", Disposition(c.Disposition));
        if (c.Imported)
        {
            Fact(page, "Imported", "yes, from a .transcript file");
        }
    }

    private static void Fact(StringBuilder page, string name, string? value) =>
        page.Append("| ").Append(name).Append(" | ").Append(string.IsNullOrEmpty(value) ? "-" : Escape(value)).Append(" |\n");

    private static string Disposition(DispositionDecision? decision)
    {
        if (decision?.Suggested is null)
        {
            return decision?.Chosen is { } chosenOnly ? $"chosen {chosenOnly} (nothing suggested)" : "none";
        }

        var suggested = decision.Confidence is { } confidence
            ? $"suggested {decision.Suggested} (confidence {confidence.ToString("0.00", CultureInfo.InvariantCulture)})"
            : $"suggested {decision.Suggested}";
        return decision.Chosen switch
        {
            null => suggested + ", skipped by the agent",
            _ when decision.Taken => suggested + ", taken",
            var chosen => suggested + ", replaced by " + chosen,
        };
    }

    private static void WriteTurn(StringBuilder page, TranscriptTurn turn)
    {
        page.Append("\n## Turn ").Append(turn.Number.ToString(CultureInfo.InvariantCulture))
            .Append(" (").Append(Time(turn.Inbound.Timestamp)).Append(")\n\n");
        WriteInbound(page, turn.Inbound.Activity);
        foreach (var reply in turn.Replies)
        {
            WriteReply(page, reply.Activity);
        }

        if (turn.Snapshot is { } snapshot)
        {
            WriteSnapshot(page, snapshot);
        }
    }

    private static void WriteInbound(StringBuilder page, Activity activity)
    {
        var who = activity.From?.Name ?? activity.From?.Id ?? "Agent";
        if (activity.Type != ActivityTypes.Message)
        {
            page.Append("**").Append(Escape(who)).Append("** sent a `").Append(activity.Type).Append('`');
            if (activity.Name is not null)
            {
                page.Append(" (`").Append(activity.Name).Append("`)");
            }

            page.Append("\n\n");
            return;
        }

        page.Append("**Agent** (").Append(Escape(who)).Append("):\n\n");
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            Quote(page, activity.Text);
        }

        if (activity.Value is JsonObject submitted && submitted.Count > 0)
        {
            page.Append("> _Submitted a card:_ `").Append(submitted.ToJsonString()).Append("`\n");
        }

        WriteAttachments(page, activity.Attachments);
        page.Append('\n');
    }

    private static void WriteReply(StringBuilder page, Activity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            // Typing indicators and the like say nothing a trainer needs.
            return;
        }

        page.Append("**SupportBot:**\n\n");
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            Quote(page, activity.Text);
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            if (!string.IsNullOrWhiteSpace(activity.Text))
            {
                page.Append(">\n");
            }

            page.Append("> Choices:\n");
            foreach (var action in actions)
            {
                page.Append("> - ").Append(Escape(action.Title.Length > 0 ? action.Title : action.Value ?? "")).Append('\n');
            }
        }

        WriteAttachments(page, activity.Attachments);
        page.Append('\n');
    }

    private static void WriteAttachments(StringBuilder page, List<Attachment>? attachments)
    {
        foreach (var attachment in attachments ?? [])
        {
            // The outcome card repeats the message text above it in structured form.
            var what = attachment.ContentType == OutcomeRenderer.ContentType
                ? "the structured outcome (as in the text above)"
                : attachment.Name ?? attachment.ContentType ?? "a file";
            page.Append("> _Attachment:_ ").Append(Escape(what)).Append('\n');
        }
    }

    private static void WriteSnapshot(StringBuilder page, TurnSnapshot snapshot)
    {
        if (snapshot.PlaybookId is null)
        {
            page.Append("_No playbook running after this turn._\n");
            return;
        }

        page.Append("_Playbook_ `").Append(snapshot.PlaybookId).Append('`');
        page.Append(snapshot.StepId is null ? ", no step waiting" : $", waiting at step `{snapshot.StepId}`");
        if (snapshot.Fields.Count == 0)
        {
            page.Append(", no fields collected yet.\n");
            return;
        }

        page.Append(". Fields collected:\n\n");
        foreach (var (name, value) in snapshot.Fields)
        {
            page.Append("- `").Append(name).Append("`: ").Append(Escape(FieldText(value))).Append('\n');
        }
    }

    private static string FieldText(JsonNode? value) => value switch
    {
        null => "(empty)",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>Every line of a message as a block quote, so the message's own Markdown still renders but stays inside it.</summary>
    private static void Quote(StringBuilder page, string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            page.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
        }
    }

    /// <summary>Keeps user text from breaking a table or a list line.</summary>
    private static string Escape(string text) =>
        text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
