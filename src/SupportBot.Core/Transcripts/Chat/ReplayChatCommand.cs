using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Bot;
using SupportBot.Playbooks;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Turns;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// <c>replay N</c>: replies with the case's header in the turn, then has <see cref="IReplayQueue"/> post the case's
/// turns one by one into the same conversation (on Slack and in Teams channels, the thread the header is in).
/// <c>stop replay</c> stops it. Trainers may replay any case, everyone else only their own.
/// </summary>
public sealed partial class ReplayChatCommand(
    ITranscriptStore store,
    PlaybookCatalog catalog,
    TranscriptAccess access,
    IReplayQueue queue) : IChatCommand
{
    public const string Usage = "Say `replay N` with a case number from `transcripts`, for example `replay 12`.";

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, ConversationData data, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (StopReplay().IsMatch(text))
        {
            var stopped = queue.Stop(ReplayTarget.From(turnContext.Activity).ConversationKey);
            await turnContext.SendActivityAsync(stopped ? "Stopped the replay." : "There's no replay running here.", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var match = Replay().Match(text);
        if (!match.Success)
        {
            return false;
        }

        if (!match.Groups["id"].Success)
        {
            await turnContext.SendActivityAsync(Usage, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await turnContext.SendActivityAsync(await StartAsync(turnContext, match.Groups["id"].Value, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>Checks the case and the caller, queues the turns and returns the header (or why there is no replay).</summary>
    private async Task<string> StartAsync(ITurnContext turnContext, string number, CancellationToken cancellationToken)
    {
        var caseId = long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var found = caseId > 0 ? await store.GetCaseAsync(caseId, cancellationToken).ConfigureAwait(false) : null;
        if (found is null)
        {
            return $"There's no case #{number}. Say `transcripts` to list recent cases.";
        }

        var caller = turnContext.Activity.From?.Id;
        if (!access.CanSee(caller, found))
        {
            return $"Sorry, case #{number} is another agent's, so I can't replay it for you: agents replay their own cases, trainers anyone's. Try `my transcripts`.";
        }

        var target = ReplayTarget.From(turnContext.Activity);
        if (!queue.CanReplayTo(target))
        {
            return $"I can't post a replay into this channel ({target.ChannelId}). Export case #{number} instead.";
        }

        var turns = TranscriptTurn.Group(await store.GetCaseEntriesAsync(caseId, cancellationToken).ConfigureAwait(false));
        if (turns.Count == 0)
        {
            return $"Case #{number} has no recorded turns to replay.";
        }

        var replaced = queue.Enqueue(new ReplayJob(caseId, target, ReplayScript.Messages(turns)));
        var header = ReplayScript.Header(found, turns.Count, catalog);
        return replaced ? header + "\n(The replay that was running here has stopped.)" : header;
    }

    [GeneratedRegex(@"^\s*/?replay(?:\s+(?:case\s+)?#?(?<id>\d{1,18}))?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Replay();

    [GeneratedRegex(@"^\s*(?:(?:stop|cancel|end)\s+(?:the\s+)?replay(?:ing)?|replay\s+stop)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StopReplay();
}
