using System.Diagnostics;

namespace SupportBot.Benchmarks;

/// <summary>
/// Seeds N distinct conversations as fast as possible with bounded concurrency: odd-numbered conversations
/// get one turn, even-numbered ones two. A turn counts as stored when the bot answered its POST with 2xx.
/// Used to measure database size and resident memory with many conversations stored.
/// </summary>
internal static class SeedScenario
{
    /// <summary>Agents are a small pool, as in a real contact centre: many conversations per agent.</summary>
    private const int AgentPool = 100;

    public static async Task<SeedSummary> RunAsync(BenchContext context, CancellationToken interrupt)
    {
        var options = context.Options;
        var requested = options.SeedConversations ?? throw new InvalidOperationException("Not a seed run.");
        var runner = context.Runner;
        var all = new TurnStats();
        var probe = new TurnStats();
        var gate = new Lock();

        var probeError = await context.WaitForBotAsync(
            new ConversationIdentity($"seed-{context.RunId}-probe", "agent-0", "Bench Agent 0"), probe, interrupt).ConfigureAwait(false);
        if (probeError is not null)
        {
            return Summary(0, 0, probeError);
        }

        context.Log.WriteLine($"seeding {requested} conversations (concurrency {options.SeedConcurrency}, time limit {context.Seconds(options.SeedTimeLimitSeconds)})...");
        var breaker = new FailureBreaker(Math.Max(50, options.SeedConcurrency * 3));
        string? abortReason = null;
        var seeded = 0;
        var done = 0;
        var progressEvery = Math.Max(1000, requested / 10);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        limit.CancelAfter(TimeSpan.FromSeconds(options.SeedTimeLimitSeconds));
        var start = Stopwatch.GetTimestamp();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SeedConcurrency, CancellationToken = limit.Token };
            await Parallel.ForEachAsync(Enumerable.Range(1, requested), parallel, async (index, cancellationToken) =>
            {
                var agent = index % AgentPool;
                var conversation = new ConversationIdentity($"seed-{context.RunId}-{index}", $"agent-{agent}", $"Bench Agent {agent}");
                var turns = index % 2 == 0 ? 2 : 1;
                var mine = new TurnStats();
                var stored = true;
                for (var step = 0; step < turns; step++)
                {
                    var result = await runner.RunTurnAsync(conversation, context.Script[step], cancellationToken).ConfigureAwait(false);
                    var finished = await runner.FinishAsync(result).ConfigureAwait(false);
                    mine.Record(finished);
                    stored &= finished.Post.Kind == PostKind.Success;
                    if (breaker.Record(result.Outcome))
                    {
                        var why = finished.Post.Kind == PostKind.Failed ? finished.Post.Error : $"no reply within {context.Seconds(options.TurnTimeoutSeconds)}";
                        Interlocked.CompareExchange(ref abortReason, $"{breaker.Limit} turns in a row failed (last: {why})", null);
                        await limit.CancelAsync().ConfigureAwait(false);
                    }

                    if (result.Outcome != TurnOutcome.Completed)
                    {
                        break;
                    }
                }

                lock (gate)
                {
                    all.Add(mine);
                }

                if (stored && mine.Sent == turns)
                {
                    Interlocked.Increment(ref seeded);
                }

                var count = Interlocked.Increment(ref done);
                if (count % progressEvery == 0)
                {
                    context.Log.WriteLine($"  {count} conversations after {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s");
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (abortReason is null && !interrupt.IsCancellationRequested)
            {
                abortReason = $"time limit of {context.Seconds(options.SeedTimeLimitSeconds)} reached (see --time-limit)";
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (abortReason is not null)
        {
            context.Log.WriteLine("aborted: " + abortReason);
        }

        return Summary(elapsed.TotalMilliseconds, seeded, abortReason);

        SeedSummary Summary(double elapsedMs, int conversationsSeeded, string? abort)
        {
            var seconds = elapsedMs / 1000;
            var totals = new TurnStats();
            totals.Add(all);
            totals.Add(probe);
            return new SeedSummary(
                Mode: "seed",
                Bot: context.Client.MessagesUri.ToString(),
                ConversationsRequested: requested,
                ConversationsSeeded: conversationsSeeded,
                Concurrency: options.SeedConcurrency,
                ElapsedMs: Math.Round(elapsedMs, 1),
                ConversationsPerSecond: seconds > 0 ? Math.Round(conversationsSeeded / seconds, 2) : 0,
                TurnsPerSecond: seconds > 0 ? Math.Round(all.Completed / seconds, 2) : 0,
                TurnsCompleted: all.Completed,
                LatencyMs: LatencySummary.From(all.FirstReplyMs),
                HttpErrors: all.HttpErrors,
                Timeouts: all.Timeouts,
                HttpErrorKinds: all.HttpErrorKinds,
                Totals: context.Totals(totals),
                Aborted: abort is not null,
                AbortReason: abort,
                Interrupted: interrupt.IsCancellationRequested);
        }
    }
}
