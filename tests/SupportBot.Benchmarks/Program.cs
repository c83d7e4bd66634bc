using System.Runtime.InteropServices;

namespace SupportBot.Benchmarks;

internal static class Program
{
    /// <summary>Cancelled by Ctrl+C or SIGTERM; a second Ctrl+C terminates at once.</summary>
    private static readonly CancellationTokenSource Interrupt = new();

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        AgentScript script;
        try
        {
            options = BenchOptions.Parse(args);
            if (options.ShowHelp)
            {
                Console.Out.Write(BenchOptions.Usage);
                return 0;
            }

            script = AgentScript.Load(options.ScriptFile);
        }
        catch (OptionsException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run with --help for usage.");
            return 2;
        }

        Console.CancelKeyPress += (_, e) =>
        {
            if (!Interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                Interrupt.Cancel();
            }
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            Interrupt.Cancel();
        });

        IBenchReport report;
        var tracer = options.Trace > 0 ? new Tracer(options.Trace, Console.Error) : null;
        await using (var connector = await FakeConnector.StartAsync(tracer, Interrupt.Token).ConfigureAwait(false))
        {
            using var client = new BotClient(options.MessagesUri, connector.ServiceUrl);
            var context = new BenchContext(options, connector, client, script, tracer, Console.Error);
            report = options.Mode switch
            {
                BenchMode.Seed => await SeedScenario.RunAsync(context, Interrupt.Token).ConfigureAwait(false),
                BenchMode.ColdStart => await ColdStartScenario.RunAsync(context, Interrupt.Token).ConfigureAwait(false),
                _ => await ThroughputScenario.RunAsync(context, Interrupt.Token).ConfigureAwait(false),
            };
        }

        var json = report.ToJson();
        var exitCode = Interrupt.IsCancellationRequested ? 130 : report.ExitCode;
        if (options.JsonOut is not null)
        {
            try
            {
                await File.WriteAllTextAsync(options.JsonOut, json + Environment.NewLine, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write --json-out '{options.JsonOut}': {e.Message}");
                exitCode = exitCode == 0 ? 1 : exitCode;
            }
        }

        if (options.Json)
        {
            Console.Out.WriteLine(json);
        }
        else
        {
            report.WriteText(Console.Out);
        }

        return exitCode;
    }
}
