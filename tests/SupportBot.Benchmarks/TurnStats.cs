using System.Diagnostics;

namespace SupportBot.Benchmarks;

/// <summary>Counts and latencies for a set of turns. Not thread-safe: one per loop, merged at the end.</summary>
internal sealed class TurnStats
{
    public List<double> FirstReplyMs { get; } = [];

    public List<double> LastReplyMs { get; } = [];

    public List<double> HttpAckMs { get; } = [];

    public Dictionary<string, long> HttpErrorKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Turns sent (excluding those cut off by the end of the run).</summary>
    public long Sent { get; private set; }

    /// <summary>Turns the bot answered 2xx, i.e. processed and persisted.</summary>
    public long Acknowledged { get; private set; }

    public long Completed { get; private set; }

    public long Timeouts { get; private set; }

    /// <summary>Turns that failed with an HTTP error before any reply.</summary>
    public long FailedTurns { get; private set; }

    /// <summary>POSTs that failed (non-2xx, transport error, no response), whether or not a reply came.</summary>
    public long HttpErrors { get; private set; }

    /// <summary>Replies received by completed turns.</summary>
    public long Replies { get; private set; }

    public void Record(in FinishedTurn turn)
    {
        if (turn.Outcome == TurnOutcome.Cancelled && turn.Post.Kind != PostKind.Success)
        {
            return;
        }

        Sent++;
        switch (turn.Post.Kind)
        {
            case PostKind.Success:
                Acknowledged++;
                HttpAckMs.Add(Milliseconds(turn.StartTimestamp, turn.Post.Timestamp));
                break;
            case PostKind.Failed:
                HttpErrors++;
                var kind = turn.Post.Error ?? "unknown";
                HttpErrorKinds[kind] = HttpErrorKinds.GetValueOrDefault(kind) + 1;
                break;
        }

        switch (turn.Outcome)
        {
            case TurnOutcome.Completed:
                Completed++;
                Replies += turn.Replies;
                FirstReplyMs.Add(Milliseconds(turn.StartTimestamp, turn.FirstReplyTimestamp));
                LastReplyMs.Add(Milliseconds(turn.StartTimestamp, Math.Max(turn.FirstReplyTimestamp, turn.LastReplyTimestamp)));
                break;
            case TurnOutcome.Timeout:
                Timeouts++;
                break;
            case TurnOutcome.HttpError:
                FailedTurns++;
                break;
        }
    }

    public void Add(TurnStats other)
    {
        FirstReplyMs.AddRange(other.FirstReplyMs);
        LastReplyMs.AddRange(other.LastReplyMs);
        HttpAckMs.AddRange(other.HttpAckMs);
        foreach (var (kind, count) in other.HttpErrorKinds)
        {
            HttpErrorKinds[kind] = HttpErrorKinds.GetValueOrDefault(kind) + count;
        }

        Sent += other.Sent;
        Acknowledged += other.Acknowledged;
        Completed += other.Completed;
        Timeouts += other.Timeouts;
        FailedTurns += other.FailedTurns;
        HttpErrors += other.HttpErrors;
        Replies += other.Replies;
    }

    public double RepliesPerTurn => Completed == 0 ? 0 : Math.Round((double)Replies / Completed, 3);

    public static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}

/// <summary>Percentiles (nearest rank) of a latency sample, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencySummary? From(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(
            sorted.Length,
            Round(sorted.Average()),
            Round(Percentile(sorted, 50)),
            Round(Percentile(sorted, 95)),
            Round(Percentile(sorted, 99)),
            Round(sorted[^1]));
    }

    public override string ToString() =>
        FormattableString.Invariant($"p50 {P50,8:0.00}  p95 {P95,8:0.00}  p99 {P99,8:0.00}  max {Max,8:0.00}  (mean {Mean:0.00}, n={Count})");

    private static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Round(double value) => Math.Round(value, 3);
}
