using System.Globalization;
using System.Net;

namespace SupportBot.Benchmarks;

internal enum BenchMode
{
    Throughput,
    Seed,
    ColdStart,
}

/// <summary>Thrown for a bad command line; the message is shown to the user as is.</summary>
internal sealed class OptionsException(string message) : Exception(message);

/// <summary>Command-line options, parsed by hand (the project takes no packages).</summary>
internal sealed class BenchOptions
{
    public const string DefaultBot = "http://127.0.0.1:5000";

    public Uri Bot { get; private set; } = new(DefaultBot);

    public bool BotGiven { get; private set; }

    public int Conversations { get; private set; } = 50;

    public double DurationSeconds { get; private set; } = 20;

    public double WarmupSeconds { get; private set; } = 3;

    public double TurnTimeoutSeconds { get; private set; } = 5;

    public double WaitForBotSeconds { get; private set; } = 10;

    public long MaxTurns { get; private set; } = 2_000_000;

    public bool Json { get; private set; }

    public string? JsonOut { get; private set; }

    public int? SeedConversations { get; private set; }

    public int SeedConcurrency { get; private set; } = 32;

    public double SeedTimeLimitSeconds { get; private set; } = 900;

    public string? ColdStartCommand { get; private set; }

    public double ColdStartTimeoutSeconds { get; private set; } = 60;

    public string? ScriptFile { get; private set; }

    public int Trace { get; private set; }

    public bool ShowHelp { get; private set; }

    public BenchMode Mode =>
        ColdStartCommand is not null ? BenchMode.ColdStart
        : SeedConversations is not null ? BenchMode.Seed
        : BenchMode.Throughput;

    public TimeSpan TurnTimeout => TimeSpan.FromSeconds(TurnTimeoutSeconds);

    /// <summary>How long a POST to the bot may take before it is abandoned (the bot answers after the whole turn).</summary>
    public TimeSpan PostTimeout => TimeSpan.FromSeconds(TurnTimeoutSeconds * 2);

    /// <summary>The bot's activity endpoint: <c>{bot}/api/messages</c> unless the URL already names it.</summary>
    public Uri MessagesUri
    {
        get
        {
            var path = Bot.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (!path.EndsWith("/api/messages", StringComparison.OrdinalIgnoreCase))
            {
                path += "/api/messages";
            }

            return new Uri(path);
        }
    }

    public static string Usage =>
        """
        SupportBot.Benchmarks - load generator for a running SupportBot host (Bot Framework protocol).

        It POSTs activities to {bot}/api/messages and receives the replies on a fake connector it hosts
        itself on 127.0.0.1 (random port, passed to the bot as serviceUrl). Loopback addresses only.

        Modes:
          (default)                   throughput: N concurrent conversations, each sending its next message
                                      as soon as the previous turn's first reply arrived
          --conversations-only N      seed N distinct conversations (1 or 2 turns each) as fast as possible
                                      with bounded concurrency, print how long it took
          --cold-start "<command>"    start the command, poll the bot until the first reply arrives, print
                                      milliseconds from process start to first reply, then kill the process

        Options:
          --bot URL                   bot base URL (default http://127.0.0.1:5000; loopback http only).
                                      With --cold-start, defaults to the command's --urls value if present.
          --conversations N           concurrent conversations for the throughput run (default 50)
          --duration SECONDS          measured duration (default 20)
          --warmup SECONDS            unmeasured warm-up before the measurement (default 3)
          --timeout SECONDS           a turn without a first reply after this long is a timeout (default 5)
          --wait SECONDS              how long to wait for the bot to start accepting requests (default 10)
          --max-turns N               hard cap on turns sent by the throughput run (default 2000000)
          --seed-concurrency N        concurrency for --conversations-only (default 32)
          --time-limit SECONDS        hard time limit for --conversations-only (default 900)
          --cold-start-timeout SECONDS  give up on --cold-start after this long (default 60)
          --script FILE               agent messages, one per line (default: built-in dialog script)
          --trace N                   print the first N messages sent and replies received to stderr
          --json                      print a JSON summary instead of text (diagnostics go to stderr)
          --json-out FILE             also write the JSON summary to FILE
          -h, --help                  show this help

        Exit codes: 0 ok, 1 the run failed or was aborted, 2 bad command line, 130 interrupted.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var cursor = new ArgCursor(args);
        while (cursor.MoveNext())
        {
            switch (cursor.Name)
            {
                case "--bot":
                    options.Bot = ParseLoopbackHttpUri(cursor.Value(), cursor.Name);
                    options.BotGiven = true;
                    break;
                case "--conversations":
                    options.Conversations = ParseInt(cursor, 1, 5_000);
                    break;
                case "--duration":
                    options.DurationSeconds = ParseSeconds(cursor, 1, 3_600);
                    break;
                case "--warmup":
                    options.WarmupSeconds = ParseSeconds(cursor, 0, 600);
                    break;
                case "--timeout":
                    options.TurnTimeoutSeconds = ParseSeconds(cursor, 0.1, 60);
                    break;
                case "--wait":
                    options.WaitForBotSeconds = ParseSeconds(cursor, 0, 300);
                    break;
                case "--max-turns":
                    options.MaxTurns = ParseInt(cursor, 1, 100_000_000);
                    break;
                case "--conversations-only":
                    options.SeedConversations = ParseInt(cursor, 1, 1_000_000);
                    break;
                case "--seed-concurrency":
                    options.SeedConcurrency = ParseInt(cursor, 1, 256);
                    break;
                case "--time-limit":
                    options.SeedTimeLimitSeconds = ParseSeconds(cursor, 1, 7_200);
                    break;
                case "--cold-start":
                    options.ColdStartCommand = cursor.Value();
                    if (string.IsNullOrWhiteSpace(options.ColdStartCommand))
                    {
                        throw new OptionsException("--cold-start needs a command");
                    }

                    break;
                case "--cold-start-timeout":
                    options.ColdStartTimeoutSeconds = ParseSeconds(cursor, 1, 600);
                    break;
                case "--script":
                    options.ScriptFile = cursor.Value();
                    break;
                case "--trace":
                    options.Trace = ParseInt(cursor, 0, 10_000);
                    break;
                case "--json":
                    cursor.Flag();
                    options.Json = true;
                    break;
                case "--json-out":
                    options.JsonOut = cursor.Value();
                    break;
                case "-h" or "-?" or "--help":
                    cursor.Flag();
                    options.ShowHelp = true;
                    break;
                default:
                    throw new OptionsException($"unknown argument '{cursor.Name}'");
            }
        }

        if (options.SeedConversations is not null && options.ColdStartCommand is not null)
        {
            throw new OptionsException("--conversations-only and --cold-start cannot be combined");
        }

        if (options.ColdStartCommand is not null && !options.BotGiven)
        {
            var urls = ShellWords.FindOptionValue(ShellWords.Split(options.ColdStartCommand), "--urls");
            var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is not null)
            {
                options.Bot = ParseLoopbackHttpUri(first, "--urls in the --cold-start command");
            }
        }

        return options;
    }

    internal static Uri ParseLoopbackHttpUri(string text, string what)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new OptionsException($"{what}: '{text}' is not an absolute http:// URL");
        }

        var loopback = string.Equals(uri.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new OptionsException($"{what}: '{text}' is not a loopback address; only 127.0.0.1, [::1] or localhost are allowed");
        }

        return uri;
    }

    private static int ParseInt(ArgCursor cursor, int min, int max)
    {
        var text = cursor.Value();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new OptionsException($"{cursor.Name}: '{text}' must be a whole number from {min} to {max}");
        }

        return value;
    }

    private static double ParseSeconds(ArgCursor cursor, double min, double max)
    {
        var text = cursor.Value();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value) || value < min || value > max)
        {
            throw new OptionsException($"{cursor.Name}: '{text}' must be a number of seconds from {min} to {max}");
        }

        return value;
    }

    /// <summary>Walks the arguments, accepting both <c>--name value</c> and <c>--name=value</c>.</summary>
    private sealed class ArgCursor(IReadOnlyList<string> args)
    {
        private int index = -1;
        private string? inlineValue;

        public string Name { get; private set; } = "";

        public bool MoveNext()
        {
            index++;
            if (index >= args.Count)
            {
                return false;
            }

            var arg = args[index];
            var eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            if (eq > 2)
            {
                Name = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }
            else
            {
                Name = arg;
                inlineValue = null;
            }

            return true;
        }

        public string Value()
        {
            if (inlineValue is not null)
            {
                return inlineValue;
            }

            if (index + 1 >= args.Count)
            {
                throw new OptionsException($"{Name} needs a value");
            }

            return args[++index];
        }

        public void Flag()
        {
            if (inlineValue is not null)
            {
                throw new OptionsException($"{Name} takes no value");
            }
        }
    }
}
