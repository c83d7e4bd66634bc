using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Telemetry;
using SupportBot.Turns;

namespace SupportBot.State;

/// <summary>
/// Records the inbound activity and every reply of the turn, redacted, in one write after the bot has
/// run (and before anything is delivered).
/// </summary>
public sealed class TranscriptMiddleware(ITranscriptStore store, SensitiveDataRedactor redactor, TimeProvider timeProvider) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken).ConfigureAwait(false);

        var key = turnContext.Activity.ConversationKey;
        var now = timeProvider.GetUtcNow();
        var entries = new List<TranscriptEntry>(turnContext.Replies.Count + 1)
        {
            new(key, turnContext.Activity.Timestamp ?? now, TranscriptDirection.Inbound, redactor.Redact(turnContext.Activity)),
        };
        entries.AddRange(turnContext.Replies.Select(r =>
            new TranscriptEntry(key, r.Timestamp ?? now, TranscriptDirection.Outbound, redactor.Redact(r))));

        using (SupportBotTelemetry.Source.StartActivity("transcript.append"))
        {
            await store.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }
}
