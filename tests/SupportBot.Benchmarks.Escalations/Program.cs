using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Escalations;
using SupportBot.Storage.LiteDb;

// Measures the escalation engine on a real LiteDB file: how many escalations per second it creates
// (each with its outbox messages, in one write) with 16 concurrent callers, how long from creation
// until the summary reaches the local destination through the outbox, and how many lead actions per
// second it applies. Usage: dotnet run -c Release --project tests/SupportBot.Benchmarks.Escalations [-- COUNT]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var path = Path.Combine(Path.GetTempPath(), $"supportbot-escalation-bench-{Guid.NewGuid():N}.db");
try
{
    using var context = new LiteDbContext(new LiteDbOptions { Path = path });
    var store = new LiteDbEscalationStore(context);
    var options = Options.Create(new EscalationOptions
    {
        Routes = new(StringComparer.Ordinal)
        {
            ["escalation-lead"] = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "lead-1", Timeout = TimeSpan.FromMinutes(2) }] },
        },
        BusinessHours = new BusinessHoursOptions { Days = [.. Enum.GetValues<DayOfWeek>()], Start = TimeOnly.MinValue, End = TimeOnly.MaxValue },
    });
    var signal = new OutboxSignal();
    var engine = new EscalationService(store, options, TimeProvider.System, NullLogger<EscalationService>.Instance, signal);
    var created = new ConcurrentDictionary<long, long>();
    var delivered = new ConcurrentDictionary<long, long>();
    var channel = new TimingChannel(delivered);
    var dispatcher = new OutboxDispatcher(store, [channel, new TimingChannel(null, "conversation")], options, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);

    using var stop = new CancellationTokenSource();
    var worker = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            while (await dispatcher.DispatchAsync(CancellationToken.None) > 0)
            {
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(50), stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    });

    // Warm-up, not measured.
    for (var i = 0; i < 50; i++)
    {
        await engine.CreateAsync(Request(i), CancellationToken.None);
    }

    await Task.Delay(500);

    // Latency one at a time (a quiet contact centre): create, then wait for the summary to arrive.
    var quiet = new List<double>();
    for (var i = 0; i < 100; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var escalation = await engine.CreateAsync(Request(i), CancellationToken.None);
        while (!delivered.ContainsKey(escalation.Id))
        {
            await Task.Delay(1);
        }

        quiet.Add(Stopwatch.GetElapsedTime(started, delivered[escalation.Id]).TotalMilliseconds);
    }

    quiet.Sort();
    Console.WriteLine(FormattableString.Invariant($"one at a time            creation to local delivery p50 {quiet[49]:F1} ms, p95 {quiet[94]:F1} ms, max {quiet[^1]:F1} ms"));
    delivered.Clear();

    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
    {
        var escalation = await engine.CreateAsync(Request(i), ct);
        created[escalation.Id] = Stopwatch.GetTimestamp();
    });
    var createSeconds = clock.Elapsed.TotalSeconds;

    var deadline = Stopwatch.StartNew();
    while (created.Keys.Any(id => !delivered.ContainsKey(id)) && deadline.Elapsed < TimeSpan.FromSeconds(60))
    {
        await Task.Delay(20);
    }

    var latencies = created.Where(c => delivered.ContainsKey(c.Key))
        .Select(c => Stopwatch.GetElapsedTime(c.Value, delivered[c.Key]).TotalMilliseconds).Order().ToList();

    clock.Restart();
    var ids = created.Keys.ToList();
    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
        await engine.ActAsync(id, LeadAction.Acknowledge, "lead-1", null, ct));
    var ackSeconds = clock.Elapsed.TotalSeconds;
    await stop.CancelAsync();
    await worker;

    double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant($"escalations created      {count} in {createSeconds:F2} s = {count / createSeconds:F0}/s (16 concurrent callers, each with its outbox in one write)"));
    Console.WriteLine(FormattableString.Invariant($"summary delivered        {latencies.Count}/{count}; creation to local delivery p50 {Percentile(0.5):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms"));
    Console.WriteLine(FormattableString.Invariant($"acknowledgements         {ids.Count} in {ackSeconds:F2} s = {ids.Count / ackSeconds:F0}/s"));
    Console.WriteLine(FormattableString.Invariant($"database                 {new FileInfo(path).Length / 1024} KiB"));
}
finally
{
    foreach (var file in new[] { path, Path.ChangeExtension(path, null) + "-log.db", path + ".lock" })
    {
        File.Delete(file);
    }
}

static EscalationRequest Request(int i) => new(
    "chargeback-threat", "Chargeback threat", "escalation-lead", "high", "Customer threatened a chargeback",
    $"Bench customer {i} threatened to dispute a charge", ["Offered an exchange"], ["Review and decide"],
    "Customer: Account holder\nReason: chargeback threat\nResolution:\n- Offered an exchange", "Account holder", [],
    new ConversationReference("webchat", $"bench-{i}", null, "agent-1", "Bench Agent"));

internal sealed class TimingChannel(ConcurrentDictionary<long, long>? delivered, string destination = "local") : IOutboxChannel
{
    public bool Handles(string destination1) => destination1 == destination;

    public Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboxKinds.Summary)
        {
            delivered?.TryAdd(escalation.Id, Stopwatch.GetTimestamp());
        }

        return Task.CompletedTask;
    }
}
