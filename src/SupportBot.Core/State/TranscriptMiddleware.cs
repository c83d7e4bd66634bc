using SupportBot.Activities;
using SupportBot.Playbooks;
using SupportBot.Storage;
using SupportBot.Telemetry;
using SupportBot.Transcripts;
using SupportBot.Turns;

namespace SupportBot.State;

/// <summary>
/// Records the inbound activity and every reply of the turn, redacted, in one write after the bot has
/// run (and before anything is delivered), together with the case the turn belongs to and where the
/// dialog stood after it.
/// </summary>
/// <remarks>
/// The inbound activity is redacted before the bot sees it, not only in the record: a card number typed
/// as an answer would otherwise live on in the dialog state, the ticket note, the escalation summary
/// and the lead's channel, none of which ever needs the full value.
/// </remarks>
public sealed class TranscriptMiddleware(ITranscriptStore store, SensitiveDataRedactor redactor, TimeProvider timeProvider) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        redactor.RedactInPlace(turnContext.Activity);
        await next(cancellationToken).ConfigureAwait(false);

        var activity = turnContext.Activity;
        var key = activity.ConversationKey;
        var now = timeProvider.GetUtcNow();
        var data = turnContext.TurnState.Get<ConversationStateEntry>()?.Data;
        // Trainer and drill commands are recorded, but are not part of the agent's work on a case.
        var outsideCase = turnContext.TurnState.Get<TurnOutsideCase>() is not null;
        var transcriptCase = data is null || outsideCase ? null : CaseTracker.CaseFor(data, activity, now);
        TurnSnapshot? snapshot = null;
        if (data is not null && activity.Type == ActivityTypes.Message)
        {
            var raw = CaseTracker.Snapshot(data.Dialogs);
            snapshot = raw with { Fields = redactor.Redact(raw.Fields) };
        }

        var entries = new List<TranscriptEntry>(turnContext.Replies.Count + 1)
        {
            // Already redacted in place before the bot ran.
            new(key, activity.Timestamp ?? now, TranscriptDirection.Inbound, activity, Snapshot: snapshot),
        };
        entries.AddRange(turnContext.Replies.Select(r =>
            new TranscriptEntry(key, r.Timestamp ?? now, TranscriptDirection.Outbound, redactor.Redact(r))));

        using (SupportBotTelemetry.Source.StartActivity("transcript.append"))
        {
            if (data is null || transcriptCase is null)
            {
                await store.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (CaseTracker.WasReplaced(transcriptCase, activity, data.Dialogs))
            {
                // Rare (the agent switched playbooks), so the extra write costs nothing in practice.
                await store.AppendTurnAsync(transcriptCase with { Status = CaseStatus.Cancelled }, [], cancellationToken).ConfigureAwait(false);
                transcriptCase = CaseTracker.Start(activity, now);
            }

            var advanced = CaseTracker.Advance(
                transcriptCase,
                activity,
                data.Dialogs,
                turnContext.TurnState.Get<PlaybookCompleted>(),
                turnContext.TurnState.Get<EscalationRequested>() is not null,
                now);
            var saved = await store.AppendTurnAsync(advanced, entries, cancellationToken).ConfigureAwait(false);
            CaseTracker.Remember(data, saved);
        }
    }
}
