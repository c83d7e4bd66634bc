using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Playbooks;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// The messages of a replay: a header with the case's facts, then one message per turn with what the agent said,
/// what SupportBot replied (choices as a short list) and where the dialog stood afterwards (step and fields).
/// Built from the transcript, which is already redacted.
/// </summary>
public static class ReplayScript
{
    /// <summary>Longer replays stop here with a note; the whole case stays available as an export.</summary>
    public const int MaxTurns = 100;

    private const int MaxTextPerReply = 1500;
    private const int MaxFieldValue = 120;

    public static string Header(TranscriptCase c, int turnCount, PlaybookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(catalog);
        var id = c.Id.ToString(CultureInfo.InvariantCulture);
        var playbook = c.PlaybookId is null ? "no playbook" : catalog.Find(c.PlaybookId) is { } p ? $"{p.Id} ({p.Title})" : c.PlaybookId;
        var text = new StringBuilder();
        text.Append($"**Replay of case #{id}**: {playbook}");
        text.Append($"\nAgent {TranscriptListFormatter.Agent(c)} · {c.ChannelId ?? "unknown channel"} · started {TranscriptListFormatter.Time(c.StartedAt)} · last activity {TranscriptListFormatter.Time(c.LastActivityAt)}");
        text.Append($"\n{Turns(c.Turns)} · {(c.Escalated ? "escalated" : "not escalated")} · {TranscriptListFormatter.Outcome(c)}");
        if (c.Disposition is { } d && (d.Suggested is not null || d.Chosen is not null))
        {
            var confidence = d.Confidence is { } value ? $" ({Math.Round(value * 100).ToString(CultureInfo.InvariantCulture)}%)" : "";
            text.Append($" · disposition suggested {d.Suggested ?? "none"}{confidence}, chosen {d.Chosen ?? "none (skipped)"}");
        }

        if (c.Imported)
        {
            text.Append(" · imported from a file");
        }

        var shown = Math.Min(turnCount, MaxTurns);
        text.Append(turnCount > MaxTurns
            ? $"\nThe first {shown} of {turnCount} recorded turns follow one by one; export the case to read the rest."
            : $"\nThe {(turnCount == 1 ? "recorded turn follows" : $"{turnCount} recorded turns follow one by one")}. Say `stop replay` to stop.");
        return text.ToString();
    }

    /// <summary>One message per turn, in order, at most <see cref="MaxTurns"/>.</summary>
    public static IReadOnlyList<string> Messages(IReadOnlyList<TranscriptTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var count = turns.Count;
        return turns.Take(MaxTurns).Select(t => Turn(t, count)).ToList();
    }

    public static string Turn(TranscriptTurn turn, int of)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = new StringBuilder();
        text.Append($"**Turn {turn.Number.ToString(CultureInfo.InvariantCulture)} of {of.ToString(CultureInfo.InvariantCulture)}** · {turn.Inbound.Timestamp.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}");
        text.Append('\n').Append(Inbound(turn.Inbound.Activity));
        foreach (var reply in turn.Replies)
        {
            text.Append('\n').Append(Reply(reply.Activity));
        }

        if (turn.Replies.Count == 0)
        {
            text.Append("\n**SupportBot:** (no reply)");
        }

        if (turn.Snapshot is { } snapshot)
        {
            text.Append('\n').Append(Where(snapshot));
        }

        return text.ToString();
    }

    private static string Inbound(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            var said = activity.Value?["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? ": " + Cut(s, MaxTextPerReply) : "";
            return activity.Name == "proactive" ? "**SupportBot, on its own:**" : $"**Event** {activity.Name ?? activity.Type}{said}";
        }

        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            parts.Add(Cut(activity.Text.Trim(), MaxTextPerReply));
        }

        if (activity.Attachments is { Count: > 0 } attachments)
        {
            parts.Add("(attached " + string.Join(", ", attachments.Select(a => a.Name ?? a.ContentType)) + ")");
        }

        return "**Agent:** " + (parts.Count == 0 ? "(an empty message)" : string.Join(" ", parts));
    }

    private static string Reply(Activity activity)
    {
        var text = new StringBuilder("**SupportBot:** ");
        text.Append(string.IsNullOrWhiteSpace(activity.Text) ? "(no text)" : Cut(activity.Text.Trim(), MaxTextPerReply));
        var choices = activity.SuggestedActions?.Actions.Select(a => string.IsNullOrWhiteSpace(a.Title) ? a.Value : a.Title).OfType<string>().ToList();
        if (choices is { Count: > 0 })
        {
            text.Append("\n  Choices: ").Append(string.Join(" · ", choices));
        }

        if (activity.Attachments is { Count: > 0 } attachments)
        {
            var outcome = attachments.Any(a => string.Equals(a.ContentType, OutcomeRenderer.ContentType, StringComparison.OrdinalIgnoreCase));
            text.Append(outcome ? "\n  (with the outcome card)" : $"\n  ({attachments.Count.ToString(CultureInfo.InvariantCulture)} attachment{(attachments.Count == 1 ? "" : "s")})");
        }

        return text.ToString();
    }

    private static string Where(TurnSnapshot snapshot)
    {
        var at = snapshot.PlaybookId is null
            ? "no playbook running"
            : snapshot.StepId is null ? $"{snapshot.PlaybookId}" : $"step `{snapshot.StepId}` of {snapshot.PlaybookId}";
        var fields = snapshot.Fields.Count == 0
            ? "nothing yet"
            : string.Join("; ", snapshot.Fields.Select(f => $"{f.Key} = {Cut(Value(f.Value), MaxFieldValue)}"));
        return $"**Now at:** {at} · **Collected:** {fields}";
    }

    private static string Value(JsonNode? node) => node switch
    {
        null => "(none)",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string Turns(int n) => n == 1 ? "1 turn" : $"{n.ToString(CultureInfo.InvariantCulture)} turns";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
