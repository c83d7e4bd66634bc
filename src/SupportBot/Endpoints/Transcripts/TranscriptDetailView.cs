using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Host.Endpoints.Transcripts;

/// <summary>One case with its turns, as <c>GET /api/transcripts/{id}</c> returns it for the replay.</summary>
public sealed record TranscriptDetailView(TranscriptSummaryView Case, IReadOnlyList<TranscriptTurnView> Turns)
{
    public static TranscriptDetailView From(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        return new(TranscriptSummaryView.From(transcriptCase), TranscriptTurn.Group(entries).Select(TranscriptTurnView.From).ToList());
    }
}

/// <summary>What arrived in a turn, what SupportBot answered, and where the dialog stood afterwards.</summary>
/// <param name="Snapshot">Null for a turn SupportBot started itself (a proactive notice), which has no dialog step.</param>
public sealed record TranscriptTurnView(
    int Number,
    DateTimeOffset Timestamp,
    InboundView Inbound,
    IReadOnlyList<ReplyView> Replies,
    TurnSnapshot? Snapshot)
{
    public static TranscriptTurnView From(TranscriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(turn.Number, turn.Inbound.Timestamp, InboundView.Of(turn.Inbound.Activity),
            turn.Replies.Select(r => ReplyView.From(r.Activity)).ToList(), turn.Snapshot);
    }
}

/// <param name="Value">A card submit's data in compact JSON (already redacted when recorded), cut short.</param>
public sealed record InboundView(string Type, string? Text, ParticipantView? From, string? Name, string? Value, int Attachments)
{
    public static InboundView Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new(activity.Type, activity.Text, ParticipantView.From(activity.From), activity.Name,
            activity.Value is null ? null : AttachmentSummary.Shorten(activity.Value.ToJsonString()), activity.Attachments?.Count ?? 0);
    }
}

public sealed record ParticipantView(string? Id, string? Name)
{
    public static ParticipantView? From(ChannelAccount? account) => account is null ? null : new(account.Id, account.Name);
}

/// <param name="AttachmentText">A line per attachment saying what it showed (an outcome's title, a card's first lines).</param>
public sealed record ReplyView(string? Text, IReadOnlyList<string> SuggestedActions, int Attachments, IReadOnlyList<string> AttachmentText)
{
    public static ReplyView From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var attachments = activity.Attachments ?? [];
        return new(
            activity.Text,
            activity.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [],
            attachments.Count,
            attachments.Select(AttachmentSummary.Describe).ToList());
    }
}
