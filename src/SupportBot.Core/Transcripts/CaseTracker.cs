using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Dialogs;
using SupportBot.Playbooks;
using SupportBot.State;

namespace SupportBot.Transcripts;

/// <summary>
/// Decides which case a turn belongs to and how the turn changes it: a case opens with the agent's first
/// message, takes the first playbook that runs, notes escalations, and closes when no playbook is left on
/// the dialog stack (completed with its outcome and disposition, or cancelled). The open case is kept in
/// the conversation state, so following it costs no extra read per turn.
/// </summary>
public static class CaseTracker
{
    /// <summary>Where the open case is kept in <see cref="ConversationData.Values"/>.</summary>
    public const string OpenCaseKey = "transcriptCase";

    /// <summary>A case that never reached a playbook is left after this long without messages.</summary>
    public static readonly TimeSpan IdleCaseTimeout = TimeSpan.FromHours(8);

    public static TranscriptCase? OpenCase(ConversationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Values[OpenCaseKey] is JsonObject saved ? saved.Deserialize<TranscriptCase>(ActivityJson.Options) : null;
    }

    public static void Remember(ConversationData data, TranscriptCase transcriptCase)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(transcriptCase);
        if (transcriptCase.Status == CaseStatus.Open)
        {
            data.Values[OpenCaseKey] = JsonSerializer.SerializeToNode(transcriptCase, ActivityJson.Options);
        }
        else
        {
            data.Values.Remove(OpenCaseKey);
        }
    }

    /// <summary>The case this turn continues, or a new one; null when the turn belongs to no case.</summary>
    public static TranscriptCase? CaseFor(ConversationData data, Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var open = OpenCase(data);
        if (open is not null && open.PlaybookId is null && now - open.LastActivityAt > IdleCaseTimeout)
        {
            open = null;
        }

        if (open is not null)
        {
            return open;
        }

        // Only the agent's message starts a case; installs and notices outside one are kept without a case.
        return activity.Type == ActivityTypes.Message ? Start(activity, now) : null;
    }

    /// <summary>
    /// Whether this turn replaced the case's playbook with another one (the agent named a different
    /// playbook mid-way): the case then ends cancelled and the turn starts a new case, so a case's
    /// outcome always comes from its own playbook.
    /// </summary>
    public static bool WasReplaced(TranscriptCase current, Activity activity, DialogState dialogsAfter)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(dialogsAfter);
        if (current.PlaybookId is null || activity.Type != ActivityTypes.Message)
        {
            return false;
        }

        var running = RunningPlaybooks(dialogsAfter);
        return running.Count > 0 && !running.Contains(current.PlaybookId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A new open case that begins with this activity.</summary>
    public static TranscriptCase Start(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new TranscriptCase
        {
            ConversationKey = activity.ConversationKey,
            ConversationId = activity.Conversation?.Id,
            ChannelId = activity.ChannelId,
            AgentId = activity.From?.Id,
            AgentName = activity.From?.Name,
            StartedAt = activity.Timestamp ?? now,
            LastActivityAt = activity.Timestamp ?? now,
            Status = CaseStatus.Open,
        };
    }

    /// <summary>Where the dialog stands now: the playbook nearest the top of the stack, its step and fields.</summary>
    public static TurnSnapshot Snapshot(DialogState dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        foreach (var instance in dialogs.Stack)
        {
            if (PlaybookDialog.PlaybookIdOf(instance.Id) is { } playbookId)
            {
                var (step, values) = PlaybookDialog.ProgressOf(instance);
                return new TurnSnapshot(playbookId, step, values);
            }
        }

        return new TurnSnapshot(null, null, []);
    }

    /// <summary>The case after this turn.</summary>
    public static TranscriptCase Advance(
        TranscriptCase current,
        Activity activity,
        DialogState dialogsAfter,
        PlaybookCompleted? completed,
        bool escalated,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(dialogsAfter);

        // The bottom-most playbook is the case's own; one pushed on top (an escalation) is part of it.
        var running = RunningPlaybooks(dialogsAfter);
        var playbook = current.PlaybookId ?? running.LastOrDefault() ?? completed?.Result.PlaybookId;
        var next = current with
        {
            Turns = current.Turns + (activity.Type == ActivityTypes.Message ? 1 : 0),
            LastActivityAt = Max(current.LastActivityAt, activity.Timestamp ?? now),
            PlaybookId = playbook,
            Escalated = current.Escalated || escalated,
            AgentId = current.AgentId ?? activity.From?.Id,
            AgentName = current.AgentName ?? activity.From?.Name,
        };

        if (playbook is null || running.Count > 0 || activity.Type != ActivityTypes.Message)
        {
            return next;
        }

        if (completed is null)
        {
            return next with { Status = CaseStatus.Cancelled };
        }

        var result = completed.Result;
        return next with
        {
            Status = CaseStatus.Completed,
            OutcomeId = result.OutcomeId,
            Disposition = new DispositionDecision(result.SuggestedDisposition, result.SuggestionConfidence, result.ChosenDisposition),
        };
    }

    /// <summary>The playbooks on the dialog stack, top first.</summary>
    private static List<string> RunningPlaybooks(DialogState dialogs) =>
        dialogs.Stack.Select(i => PlaybookDialog.PlaybookIdOf(i.Id)).OfType<string>().ToList();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
