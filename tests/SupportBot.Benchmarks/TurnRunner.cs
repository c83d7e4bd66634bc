using System.Diagnostics;

namespace SupportBot.Benchmarks;

internal enum TurnOutcome
{
    /// <summary>The first reply arrived within the turn timeout.</summary>
    Completed,

    /// <summary>No reply within the turn timeout (and no HTTP error to explain it).</summary>
    Timeout,

    /// <summary>The POST failed before any reply arrived.</summary>
    HttpError,

    /// <summary>The run was stopped while waiting.</summary>
    Cancelled,
}

/// <summary>A turn whose first reply (or failure) is known; its POST may still be in flight.</summary>
internal sealed class TurnResult(PendingTurn turn, Task<PostResult> post, TurnOutcome outcome, long start, long firstReply)
{
    public PendingTurn Turn { get; } = turn;

    public Task<PostResult> Post { get; } = post;

    public TurnOutcome Outcome { get; } = outcome;

    public long StartTimestamp { get; } = start;

    public long FirstReplyTimestamp { get; } = firstReply;
}

/// <summary>A turn whose POST has ended too, with everything known about it.</summary>
internal readonly record struct FinishedTurn(TurnOutcome Outcome, long StartTimestamp, long FirstReplyTimestamp, long LastReplyTimestamp, int Replies, PostResult Post);

/// <summary>Sends one message and waits for its first reply, an HTTP failure or the turn timeout.</summary>
internal sealed class TurnRunner(FakeConnector connector, BotClient client, TimeSpan turnTimeout, TimeSpan postTimeout, Tracer? tracer = null)
{
    public TimeSpan TurnTimeout => turnTimeout;

    public async Task<TurnResult> RunTurnAsync(ConversationIdentity conversation, string text, CancellationToken cancellationToken)
    {
        var activityId = conversation.NextActivityId();
        var turn = connector.Register(activityId);
        var activity = client.CreateMessage(conversation, activityId, text);
        if (tracer is { Enabled: true })
        {
            tracer.Write("->", activityId, text);
        }

        var start = Stopwatch.GetTimestamp();
        var post = client.PostAsync(activity, postTimeout, cancellationToken);

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(turnTimeout, wait.Token);
        try
        {
            var first = await Task.WhenAny(turn.FirstReply, post, deadline).ConfigureAwait(false);
            if (first == post && !turn.FirstReply.IsCompleted)
            {
                var result = await post.ConfigureAwait(false);
                if (result.Kind == PostKind.Failed)
                {
                    return new TurnResult(turn, post, TurnOutcome.HttpError, start, 0);
                }

                if (result.Kind == PostKind.Success)
                {
                    // Acknowledged before replying (e.g. 202): keep waiting for the reply.
                    await Task.WhenAny(turn.FirstReply, deadline).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await wait.CancelAsync().ConfigureAwait(false);
        }

        if (turn.FirstReply.IsCompletedSuccessfully)
        {
            return new TurnResult(turn, post, TurnOutcome.Completed, start, turn.FirstReply.Result);
        }

        return new TurnResult(turn, post, cancellationToken.IsCancellationRequested ? TurnOutcome.Cancelled : TurnOutcome.Timeout, start, 0);
    }

    /// <summary>Waits for the POST (bounded by the POST timeout), stops tracking replies and returns the facts.</summary>
    public async Task<FinishedTurn> FinishAsync(TurnResult result)
    {
        var post = await result.Post.ConfigureAwait(false);
        connector.Forget(result.Turn);
        return new FinishedTurn(
            result.Outcome,
            result.StartTimestamp,
            result.FirstReplyTimestamp,
            result.Turn.LastReplyTimestamp,
            result.Turn.Replies,
            post);
    }
}

/// <summary>Stops a run once this many turns in a row failed: the bot is down or broken, not slow.</summary>
internal sealed class FailureBreaker(int limit)
{
    private int consecutive;

    public int Limit => limit;

    public bool Tripped => Volatile.Read(ref consecutive) >= limit;

    /// <summary>Records one turn; returns true when the breaker has just tripped.</summary>
    public bool Record(TurnOutcome outcome)
    {
        if (outcome == TurnOutcome.Completed)
        {
            Volatile.Write(ref consecutive, 0);
            return false;
        }

        if (outcome == TurnOutcome.Cancelled)
        {
            return false;
        }

        return Interlocked.Increment(ref consecutive) == limit;
    }
}
