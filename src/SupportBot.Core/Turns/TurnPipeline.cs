using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using Microsoft.Extensions.Logging;
using SupportBot.Activities;
using SupportBot.Ordering;
using SupportBot.Telemetry;

namespace SupportBot.Turns;

/// <summary>
/// Runs one turn: waits its place in the conversation's queue, runs the middleware onion around the
/// bot, then hands the queued replies to the channel while still holding the conversation's place,
/// so replies of consecutive turns never overtake each other.
/// </summary>
public sealed partial class TurnPipeline(
    IConversationGate gate,
    IEnumerable<IMiddleware> middleware,
    IBot bot,
    TimeProvider timeProvider,
    ILogger<TurnPipeline> logger)
{
    private readonly IMiddleware[] _middleware = middleware.ToArray();

    public async Task<TurnResult> RunAsync(
        Activity activity,
        Func<ITurnContext, IReadOnlyList<Activity>, CancellationToken, Task> deliver,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(deliver);
        var conversationKey = activity.ConversationKey;
        var started = timeProvider.GetTimestamp();
        using var span = SupportBotTelemetry.Source.StartActivity("turn", ActivityKind.Server);
        span?.SetTag("supportbot.channel", activity.ChannelId);
        span?.SetTag("supportbot.activity_type", activity.Type);

        await using var place = await gate.EnterAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        var turn = new TurnContext(activity, timeProvider);
        var failed = false;
        try
        {
            await RunMiddlewareAsync(turn, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failed = true;
            LogTurnFailed(logger, ex, conversationKey);
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            SupportBotTelemetry.TurnErrors.Add(1, new KeyValuePair<string, object?>("channel", activity.ChannelId));
            turn.DiscardReplies();
            await turn.SendActivityAsync(
                "Sorry, something went wrong on my side and nothing from that message was saved. Please send it again.",
                cancellationToken).ConfigureAwait(false);
        }

        using (SupportBotTelemetry.Source.StartActivity("send"))
        {
            await deliver(turn, turn.Replies, cancellationToken).ConfigureAwait(false);
        }

        var playbook = turn.TurnState.Get<TurnOutcome>()?.PlaybookId ?? "none";
        span?.SetTag("supportbot.playbook", playbook);
        SupportBotTelemetry.RecordTurn(timeProvider.GetElapsedTime(started), activity.ChannelId, playbook);
        return new TurnResult(turn.Replies, failed);
    }

    private Task RunMiddlewareAsync(ITurnContext turn, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Length)
        {
            return bot.OnTurnAsync(turn, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turn, ct => RunMiddlewareAsync(turn, index + 1, ct), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed in conversation {ConversationKey}; its state was not saved")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string conversationKey);
}

/// <summary>What a turn produced: the replies delivered, and whether the turn failed.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, bool Failed);

/// <summary>Set by the bot so telemetry can count turns per playbook.</summary>
public sealed record TurnOutcome(string? PlaybookId);
