using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Benchmarks;

/// <summary>A finished run: printable as text or JSON.</summary>
internal interface IBenchReport
{
    int ExitCode { get; }

    void WriteText(TextWriter writer);

    string ToJson();
}

/// <summary>Whole-run counts, warm-up and probes included (what the bot stored, what the connector saw).</summary>
internal sealed record RunTotals(
    long TurnsSent,
    long TurnsAcknowledged,
    long TurnsCompleted,
    long HttpErrors,
    long Timeouts,
    long RepliesReceived,
    long UnmatchedReplies,
    long NonMessageActivities,
    long ActivityUpdates,
    long MalformedActivities,
    long ProtocolMismatches,
    long UnexpectedConnectorRequests)
{
    public void WriteText(TextWriter w, string heading)
    {
        w.WriteLine(heading);
        Line(w, "turns sent", TurnsSent);
        Line(w, "turns stored (HTTP 2xx)", TurnsAcknowledged);
        Line(w, "turns completed", TurnsCompleted);
        Line(w, "HTTP errors", HttpErrors);
        Line(w, "timeouts", Timeouts);
        Line(w, "replies received", RepliesReceived);
        Line(w, "late/unmatched replies", UnmatchedReplies);
        Line(w, "non-message activities", NonMessageActivities);
        if (ActivityUpdates + MalformedActivities + ProtocolMismatches + UnexpectedConnectorRequests > 0)
        {
            Line(w, "activity updates (PUT)", ActivityUpdates);
            Line(w, "malformed activities", MalformedActivities);
            Line(w, "route/body id mismatches", ProtocolMismatches);
            Line(w, "unexpected connector calls", UnexpectedConnectorRequests);
        }
    }

    internal static void Line(TextWriter w, string label, object? value) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-26} {value}"));

    internal static void Errors(TextWriter w, Dictionary<string, long> kinds)
    {
        foreach (var (kind, count) in kinds.OrderByDescending(pair => pair.Value))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"",-26} {count,8}  {kind}"));
        }
    }
}

internal sealed record ThroughputSummary(
    string Mode,
    string Bot,
    string ServiceUrl,
    int Conversations,
    double WarmupSeconds,
    double DurationSeconds,
    double MeasuredSeconds,
    double TurnTimeoutSeconds,
    long TurnsCompleted,
    double TurnsPerSecond,
    LatencySummary? LatencyMs,
    LatencySummary? LastReplyLatencyMs,
    LatencySummary? HttpAckLatencyMs,
    double RepliesPerTurn,
    long HttpErrors,
    long Timeouts,
    Dictionary<string, long> HttpErrorKinds,
    RunTotals Totals,
    bool Aborted,
    string? AbortReason,
    bool MaxTurnsReached,
    bool Interrupted) : IBenchReport
{
    [JsonIgnore]
    public int ExitCode => Aborted || TurnsCompleted == 0 ? 1 : 0;

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.ThroughputSummary);

    public void WriteText(TextWriter w)
    {
        w.WriteLine("SupportBot throughput benchmark");
        RunTotals.Line(w, "bot", Bot);
        RunTotals.Line(w, "fake connector", ServiceUrl);
        RunTotals.Line(w, "conversations", Conversations);
        RunTotals.Line(w, "warm-up / duration", FormattableString.Invariant($"{WarmupSeconds} s / {DurationSeconds} s (measured {MeasuredSeconds:0.###} s)"));
        RunTotals.Line(w, "turn timeout", FormattableString.Invariant($"{TurnTimeoutSeconds} s"));
        if (Aborted)
        {
            RunTotals.Line(w, "ABORTED", AbortReason);
        }

        if (Interrupted)
        {
            RunTotals.Line(w, "INTERRUPTED", "partial results");
        }

        if (MaxTurnsReached)
        {
            RunTotals.Line(w, "STOPPED EARLY", "--max-turns reached");
        }

        w.WriteLine();
        w.WriteLine("Measured window");
        RunTotals.Line(w, "turns completed", TurnsCompleted);
        RunTotals.Line(w, "turns/second", TurnsPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        RunTotals.Line(w, "first reply latency ms", LatencyMs?.ToString() ?? "n/a");
        RunTotals.Line(w, "last reply latency ms", LastReplyLatencyMs?.ToString() ?? "n/a");
        RunTotals.Line(w, "HTTP ack latency ms", HttpAckLatencyMs?.ToString() ?? "n/a");
        RunTotals.Line(w, "replies/turn", RepliesPerTurn.ToString("0.00", CultureInfo.InvariantCulture));
        RunTotals.Line(w, "HTTP errors", HttpErrors);
        RunTotals.Errors(w, HttpErrorKinds);
        RunTotals.Line(w, "timeouts", Timeouts);
        w.WriteLine();
        Totals.WriteText(w, "Whole run (warm-up and probe turn included)");
    }
}

internal sealed record SeedSummary(
    string Mode,
    string Bot,
    int ConversationsRequested,
    int ConversationsSeeded,
    int Concurrency,
    double ElapsedMs,
    double ConversationsPerSecond,
    double TurnsPerSecond,
    long TurnsCompleted,
    LatencySummary? LatencyMs,
    long HttpErrors,
    long Timeouts,
    Dictionary<string, long> HttpErrorKinds,
    RunTotals Totals,
    bool Aborted,
    string? AbortReason,
    bool Interrupted) : IBenchReport
{
    [JsonIgnore]
    public int ExitCode => Aborted || ConversationsSeeded == 0 ? 1 : 0;

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.SeedSummary);

    public void WriteText(TextWriter w)
    {
        w.WriteLine("SupportBot conversation seeding");
        RunTotals.Line(w, "bot", Bot);
        RunTotals.Line(w, "concurrency", Concurrency);
        if (Aborted)
        {
            RunTotals.Line(w, "ABORTED", AbortReason);
        }

        if (Interrupted)
        {
            RunTotals.Line(w, "INTERRUPTED", "partial results");
        }

        RunTotals.Line(w, "conversations seeded", FormattableString.Invariant($"{ConversationsSeeded} of {ConversationsRequested}"));
        RunTotals.Line(w, "elapsed", FormattableString.Invariant($"{ElapsedMs:0} ms"));
        RunTotals.Line(w, "conversations/second", ConversationsPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        RunTotals.Line(w, "turns/second", TurnsPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        RunTotals.Line(w, "first reply latency ms", LatencyMs?.ToString() ?? "n/a");
        RunTotals.Line(w, "HTTP errors", HttpErrors);
        RunTotals.Errors(w, HttpErrorKinds);
        RunTotals.Line(w, "timeouts", Timeouts);
        w.WriteLine();
        Totals.WriteText(w, "Whole run (probe turn included)");
    }
}

internal sealed record ColdStartSummary(
    string Mode,
    string Command,
    string Bot,
    bool Success,
    double? FirstReplyMs,
    double? FirstHttpResponseMs,
    int Attempts,
    string? Error,
    IReadOnlyList<string>? ChildOutputTail,
    bool Interrupted) : IBenchReport
{
    [JsonIgnore]
    public int ExitCode => Success ? 0 : 1;

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.ColdStartSummary);

    public void WriteText(TextWriter w)
    {
        w.WriteLine("SupportBot cold start");
        RunTotals.Line(w, "command", Command);
        RunTotals.Line(w, "bot", Bot);
        if (Success)
        {
            RunTotals.Line(w, "first reply after", FormattableString.Invariant($"{FirstReplyMs:0.0} ms (from process start)"));
        }
        else
        {
            RunTotals.Line(w, "FAILED", Error);
        }

        RunTotals.Line(w, "first HTTP answer after", FirstHttpResponseMs is { } http ? FormattableString.Invariant($"{http:0.0} ms") : "n/a");
        RunTotals.Line(w, "attempts", Attempts);
        if (ChildOutputTail is { Count: > 0 })
        {
            w.WriteLine("  last output of the command:");
            foreach (var line in ChildOutputTail)
            {
                w.WriteLine("    | " + line);
            }
        }
    }
}
