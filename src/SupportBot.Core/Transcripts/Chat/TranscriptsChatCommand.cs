using SupportBot.Bot;
using SupportBot.Playbooks;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Turns;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// <c>transcripts &lt;filters&gt;</c> and <c>my transcripts</c> in any channel: lists up to ten recorded cases, newest
/// first. Trainers may list anyone's cases; everyone else sees their own, and is told so politely when they ask for
/// another agent's. A filter with words it does not understand is answered with those words and examples, never
/// with a list that might be the wrong one.
/// </summary>
public sealed class TranscriptsChatCommand(ITranscriptStore store, PlaybookCatalog catalog, TranscriptAccess access, TimeProvider time) : IChatCommand
{
    private readonly TranscriptFilterParser _parser = new(catalog);

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, ConversationData data, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!TranscriptFilterParser.IsCommand(text, out var filters, out var mine))
        {
            return false;
        }

        var activity = turnContext.Activity;
        var caller = activity.From?.Id;
        var filter = _parser.Parse(MentionedUsers.WithIds(activity, filters), mine, caller, activity.Timestamp ?? time.GetUtcNow(), time.LocalTimeZone);
        if (!filter.IsComplete)
        {
            await turnContext.SendActivityAsync(TranscriptListFormatter.NotUnderstood(filter), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var query = access.Restrict(caller, filter.Query with { Limit = TranscriptListFormatter.PageSize + 1, BeforeId = null });
        if (query is null)
        {
            await turnContext.SendActivityAsync(
                string.IsNullOrEmpty(caller)
                    ? "Sorry, this channel didn't say who you are, so I can't tell which cases are yours."
                    : $"Sorry, you can list your own cases only; {filter.Query.AgentId}'s are for trainers to look at. Try `my transcripts`.",
                cancellationToken).ConfigureAwait(false);
            return true;
        }

        var cases = await store.FindCasesAsync(query, cancellationToken).ConfigureAwait(false);
        var reply = TranscriptListFormatter.List(
            cases.Take(TranscriptListFormatter.PageSize).ToList(),
            more: cases.Count > TranscriptListFormatter.PageSize,
            filter,
            ownOnly: !access.IsTrainer(caller));
        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
