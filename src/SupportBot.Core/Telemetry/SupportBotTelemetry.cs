using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SupportBot.Telemetry;

/// <summary>The names under which SupportBot reports traces and metrics to OpenTelemetry.</summary>
public static class SupportBotTelemetry
{
    public const string Name = "SupportBot";

    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "supportbot.turn.duration", unit: "ms", description: "Time from an activity's arrival to its replies being delivered.");

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "supportbot.turns", description: "Turns processed, by channel and playbook.");

    public static Counter<long> TurnErrors { get; } = Meter.CreateCounter<long>(
        "supportbot.turn.errors", description: "Turns that ended in an error.");

    public static void RecordTurn(TimeSpan duration, string? channel, string playbook)
    {
        var tags = new TagList { { "channel", channel ?? "unknown" }, { "playbook", playbook } };
        TurnDuration.Record(duration.TotalMilliseconds, tags);
        Turns.Add(1, tags);
    }
}
