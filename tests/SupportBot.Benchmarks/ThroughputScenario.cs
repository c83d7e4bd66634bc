using System.Diagnostics;

namespace SupportBot.Benchmarks;

/// <summary>
/// N concurrent conversations, each sending its next message as soon as the previous turn's first reply
/// arrived (or timed out), for warm-up + duration. Only turns started after the warm-up are measured.
/// </summary>
internal static class ThroughputScenario
{
    public static async Task<ThroughputSummary> RunAsync(BenchContext context, CancellationToken interrupt)
    {
        var options = context.Options;
        var runner = context.Runner;
        var all = new TurnStats();
        var measured = new TurnStats();
        var maxTurnsReached = false;

        var probeError = await context.WaitForBotAsync(
            new ConversationIdentity($"bench-{context.RunId}-probe", "agent-0", "Bench Agent 0"), all, interrupt).ConfigureAwait(false);
        if (probeError is not null)
        {
            return Summary(0, probeError);
        }

        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        context.Log.WriteLine($"{options.Conversations} conversations: warming up {context.Seconds(warmup.TotalSeconds)}, then measuring {context.Seconds(duration.TotalSeconds)}...");

        var start = Stopwatch.GetTimestamp();
        var warmupEnd = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        long stoppedAt = 0;
        using var stopRegistration = stopSending.Token.Register(() => Interlocked.CompareExchange(ref stoppedAt, Stopwatch.GetTimestamp(), 0));
        stopSending.CancelAfter(warmup + duration);
        hardStop.CancelAfter(warmup + duration + options.PostTimeout + TimeSpan.FromSeconds(5));

        var breaker = new FailureBreaker(Math.Max(50, options.Conversations * 3));
        var budget = options.MaxTurns;
        string? abortReason = null;

        async Task<(TurnStats All, TurnStats Measured, TurnResult? Last)> ConversationAsync(int index)
        {
            var conversation = new ConversationIdentity($"bench-{context.RunId}-conv-{index}", $"agent-{index}", $"Bench Agent {index}");
            var mine = new TurnStats();
            var mineMeasured = new TurnStats();
            TurnResult? previous = null;
            var step = 0;
            while (!stopSending.IsCancellationRequested)
            {
                if (Interlocked.Decrement(ref budget) < 0)
                {
                    Volatile.Write(ref maxTurnsReached, true);
                    await stopSending.CancelAsync().ConfigureAwait(false);
                    break;
                }

                var current = await runner.RunTurnAsync(conversation, context.Script[step++], hardStop.Token).ConfigureAwait(false);

                // The previous turn's POST has certainly ended by now (the bot serialises a conversation's
                // turns), so at most two POSTs per conversation are ever in flight.
                if (previous is not null)
                {
                    Record(await runner.FinishAsync(previous).ConfigureAwait(false), mine, mineMeasured);
                }

                previous = current;
                if (breaker.Record(current.Outcome))
                {
                    var why = current.Outcome == TurnOutcome.HttpError ? current.Post.Result.Error : $"no reply within {context.Seconds(options.TurnTimeoutSeconds)}";
                    Interlocked.CompareExchange(ref abortReason, $"{breaker.Limit} turns in a row failed (last: {why})", null);
                    await stopSending.CancelAsync().ConfigureAwait(false);
                }

                if (current.Outcome == TurnOutcome.HttpError)
                {
                    // Do not hammer a failing bot.
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), stopSending.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            return (mine, mineMeasured, previous);
        }

        void Record(in FinishedTurn turn, TurnStats into, TurnStats intoMeasured)
        {
            into.Record(turn);
            if (turn.StartTimestamp >= warmupEnd)
            {
                intoMeasured.Record(turn);
            }
        }

        var loops = Enumerable.Range(1, options.Conversations)
            .Select(index => Task.Run(() => ConversationAsync(index)))
            .ToArray();
        var results = await Task.WhenAll(loops).ConfigureAwait(false);

        // Let trailing replies of the last turns arrive, then account for them.
        if (!interrupt.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var (mine, mineMeasured, last) in results)
        {
            if (last is not null)
            {
                Record(await runner.FinishAsync(last).ConfigureAwait(false), mine, mineMeasured);
            }

            all.Add(mine);
            measured.Add(mineMeasured);
        }

        var end = Interlocked.Read(ref stoppedAt);
        var measuredSeconds = end > warmupEnd ? (end - warmupEnd) / (double)Stopwatch.Frequency : 0;
        if (abortReason is not null)
        {
            context.Log.WriteLine("aborted: " + abortReason);
        }

        return Summary(measuredSeconds, abortReason);

        ThroughputSummary Summary(double measuredSeconds, string? abort) => new(
            Mode: "throughput",
            Bot: context.Client.MessagesUri.ToString(),
            ServiceUrl: context.Client.ServiceUrl,
            Conversations: options.Conversations,
            WarmupSeconds: options.WarmupSeconds,
            DurationSeconds: options.DurationSeconds,
            MeasuredSeconds: Math.Round(measuredSeconds, 3),
            TurnTimeoutSeconds: options.TurnTimeoutSeconds,
            TurnsCompleted: measured.Completed,
            TurnsPerSecond: measuredSeconds > 0 ? Math.Round(measured.Completed / measuredSeconds, 2) : 0,
            LatencyMs: LatencySummary.From(measured.FirstReplyMs),
            LastReplyLatencyMs: LatencySummary.From(measured.LastReplyMs),
            HttpAckLatencyMs: LatencySummary.From(measured.HttpAckMs),
            RepliesPerTurn: measured.RepliesPerTurn,
            HttpErrors: measured.HttpErrors,
            Timeouts: measured.Timeouts,
            HttpErrorKinds: measured.HttpErrorKinds,
            Totals: context.Totals(all),
            Aborted: abort is not null,
            AbortReason: abort,
            MaxTurnsReached: Volatile.Read(ref maxTurnsReached),
            Interrupted: interrupt.IsCancellationRequested);
    }
}
