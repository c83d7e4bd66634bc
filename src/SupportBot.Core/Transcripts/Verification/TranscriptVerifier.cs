using SupportBot.Activities;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Transcripts.Files;

namespace SupportBot.Transcripts.Verification;

/// <summary>
/// Regression replay: sends the agent's side of a recorded transcript, turn by turn, into a fresh bot and
/// compares what it says now with what it said then.
/// </summary>
/// <remarks>
/// Every recorded inbound activity is replayed, not only messages: card submits are messages already,
/// a conversation update still gets the welcome, and an escalation notice event still sets up the
/// lead's pending question that the agent's next message answers. Only an opening reply with nothing
/// before it (a proactive notice) has no inbound activity to replay; it is skipped. Each activity is
/// replayed as recorded (channel, conversation, sender, id, text, value, attachments), on a clock pinned
/// to its recorded timestamp.
/// </remarks>
public sealed class TranscriptVerifier(ReplayBotFactory createBot)
{
    private readonly SensitiveDataRedactor _redactor = new();

    /// <param name="source">Names the transcript in error messages.</param>
    /// <exception cref="TranscriptFileException">A turn cannot be replayed (it names no conversation).</exception>
    public async Task<TranscriptVerification> VerifyAsync(TranscriptFileContent recorded, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var turns = TranscriptTurn.Group(recorded.Entries);
        var startsWithNotice = recorded.Entries.Count > 0 && recorded.Entries[0].Direction == TranscriptDirection.Outbound;
        var toReplay = startsWithNotice ? turns.Skip(1).ToList() : turns.ToList();
        if (toReplay.FirstOrDefault(t => string.IsNullOrEmpty(t.Inbound.Activity.Conversation?.Id)) is { } orphan)
        {
            throw new TranscriptFileException($"{source}: turn {orphan.Number} names no conversation (conversation.id), so it cannot be replayed.");
        }

        var clock = new ReplayClock(recorded.Case.StartedAt);
        await using var bot = createBot(clock);
        var comparer = new TurnComparer();
        var differences = new List<TranscriptDifference>();
        int? divergedAt = null;
        long caseId = 0;
        (TurnSnapshot Expected, TurnSnapshot? Actual)? finalPosition = null;
        foreach (var turn in toReplay)
        {
            clock.Set(turn.Inbound.Timestamp);
            var replayed = await ReplayAsync(bot, turn.Inbound.Activity, cancellationToken).ConfigureAwait(false);
            if (caseId == 0)
            {
                caseId = replayed.CaseId;
            }

            if (divergedAt is null && comparer.Compare(turn, replayed, differences))
            {
                divergedAt = turn.Number;
            }

            if (turn.Snapshot is { } snapshot)
            {
                finalPosition = (snapshot, replayed.Snapshot);
            }
        }

        // A file from another tool carries no snapshots, and so no outcome of SupportBot's to compare.
        if (recorded.Entries.Any(e => e.Snapshot is not null))
        {
            var replayedCase = caseId == 0 ? null : await bot.Transcripts.GetCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
            var lastTurnCompared = divergedAt is null || divergedAt == toReplay[^1].Number;
            OutcomeComparer.Compare(recorded.Case, replayedCase, lastTurnCompared ? null : finalPosition, differences);
        }

        return new TranscriptVerification(turns.Count, toReplay.Count, divergedAt, differences);
    }

    /// <summary>Runs the turn on a copy of the recorded activity and reads back what the fresh bot recorded.</summary>
    private async Task<ReplayedTurn> ReplayAsync(ReplayBot bot, Activity recorded, CancellationToken cancellationToken)
    {
        var activity = ActivityJson.Deserialize(ActivityJson.Serialize(recorded));
        var key = activity.ConversationKey;
        var before = (await bot.Transcripts.GetAsync(key, cancellationToken).ConfigureAwait(false)).Count;
        var result = await bot.RunTurnAsync(activity, cancellationToken).ConfigureAwait(false);
        var added = (await bot.Transcripts.GetAsync(key, cancellationToken).ConfigureAwait(false)).Skip(before).ToList();
        var inbound = added.FirstOrDefault(e => e.Direction == TranscriptDirection.Inbound);
        if (inbound is null)
        {
            // The turn failed (nothing of it was saved) or was dropped: compare what the agent was sent.
            return new ReplayedTurn(result.Replies.Select(_redactor.Redact).ToList(), null, 0);
        }

        return new ReplayedTurn(
            added.Where(e => e.Direction == TranscriptDirection.Outbound).Select(e => e.Activity).ToList(),
            inbound.Snapshot,
            inbound.CaseId);
    }
}
