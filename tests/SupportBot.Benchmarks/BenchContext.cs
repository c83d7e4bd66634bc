using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace SupportBot.Benchmarks;

/// <summary>Everything a scenario needs: options, the fake connector, the HTTP client and the agent script.</summary>
internal sealed class BenchContext(BenchOptions options, FakeConnector connector, BotClient client, AgentScript script, Tracer? tracer, TextWriter log)
{
    public BenchOptions Options { get; } = options;

    public FakeConnector Connector { get; } = connector;

    public BotClient Client { get; } = client;

    public AgentScript Script { get; } = script;

    /// <summary>Progress and diagnostics; never the report itself.</summary>
    public TextWriter Log { get; } = log;

    /// <summary>Distinguishes this run's conversations from earlier runs stored in the same database.</summary>
    public string RunId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public TurnRunner Runner { get; } = new(connector, client, options.TurnTimeout, options.PostTimeout, tracer);

    public string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Sends probe turns until the bot answers one with a reply on the fake connector. Connection failures
    /// are retried for up to --wait seconds (the host may still be starting); anything else fails at once
    /// with an explanation. Probe turns are recorded in <paramref name="stats"/> (they are stored too).
    /// </summary>
    public async Task<string?> WaitForBotAsync(ConversationIdentity conversation, TurnStats stats, CancellationToken cancellationToken)
    {
        // The very first turn of a fresh host pays for JIT and database creation: be generous with it.
        var probeTimeout = TimeSpan.FromSeconds(Math.Max(Options.TurnTimeoutSeconds, 15));
        var probeRunner = new TurnRunner(Connector, Client, probeTimeout, probeTimeout * 2, tracer);
        var waitStarted = Stopwatch.GetTimestamp();
        while (true)
        {
            var result = await probeRunner.RunTurnAsync(conversation, Script[0], cancellationToken).ConfigureAwait(false);
            var finished = await probeRunner.FinishAsync(result).ConfigureAwait(false);
            var retry = result.Outcome == TurnOutcome.HttpError && !finished.Post.Answered
                && Stopwatch.GetElapsedTime(waitStarted).TotalSeconds < Options.WaitForBotSeconds;
            if (!retry)
            {
                // Refused connections while the host starts are not errors of the run.
                stats.Record(finished);
            }

            switch (result.Outcome)
            {
                case TurnOutcome.Completed:
                    return null;
                case TurnOutcome.Cancelled:
                    return "interrupted while waiting for the bot";
                case TurnOutcome.HttpError when retry:
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return "interrupted while waiting for the bot";
                    }

                    continue;
                case TurnOutcome.HttpError when finished.Post.Answered:
                    return $"the bot answered {finished.Post.Error} to POST {Client.MessagesUri}";
                case TurnOutcome.HttpError:
                    return $"cannot reach the bot at {Client.MessagesUri}: {finished.Post.Error} (waited {Seconds(Options.WaitForBotSeconds)}; is the host running? see --wait)";
                default:
                    var answer = finished.Post.Kind == PostKind.Success
                        ? $"answered HTTP {finished.Post.StatusCode}"
                        : $"ended with {finished.Post.Error ?? "no answer"}";
                    return $"the bot {answer} to POST {Client.MessagesUri} but no reply reached the fake connector at "
                        + $"{Client.ServiceUrl} within {Seconds(probeTimeout.TotalSeconds)}; does it post replies to the activity's serviceUrl?";
            }
        }
    }

    public RunTotals Totals(TurnStats all)
    {
        var counters = Connector.Snapshot();
        return new RunTotals(
            all.Sent,
            all.Acknowledged,
            all.Completed,
            all.HttpErrors,
            all.Timeouts,
            counters.MessageReplies,
            counters.UnmatchedReplies,
            counters.NonMessageActivities,
            counters.Updates,
            counters.Malformed,
            counters.ProtocolMismatches,
            counters.UnexpectedRequests);
    }
}
