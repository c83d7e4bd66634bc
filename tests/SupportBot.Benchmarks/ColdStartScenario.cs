using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;

namespace SupportBot.Benchmarks;

/// <summary>
/// Starts the host command, polls the bot with a message until the first reply reaches the fake connector,
/// reports the milliseconds from process start to that reply, then kills the process (whole tree).
/// </summary>
internal static class ColdStartScenario
{
    private const int OutputTailLines = 40;

    public static async Task<ColdStartSummary> RunAsync(BenchContext context, CancellationToken interrupt)
    {
        var options = context.Options;
        var command = options.ColdStartCommand ?? throw new InvalidOperationException("Not a cold-start run.");
        var bot = context.Client.MessagesUri.ToString();
        var attempts = 0;
        double? firstHttpMs = null;
        var tail = new OutputTail(OutputTailLines);

        ColdStartSummary Fail(string error, bool withOutput) => new(
            "coldStart", command, bot, false, null, firstHttpMs, attempts, error, withOutput ? tail.Lines() : null, interrupt.IsCancellationRequested);

        List<string> words;
        try
        {
            words = ShellWords.Split(command);
        }
        catch (OptionsException e)
        {
            return Fail(e.Message, false);
        }

        if (words.Count == 0)
        {
            return Fail("the --cold-start command is empty", false);
        }

        if (await IsListeningAsync(options.Bot, interrupt).ConfigureAwait(false))
        {
            return Fail($"something is already listening on {options.Bot.Authority}; stop it or choose another port "
                + "(the measurement would hit it instead of the new process)", false);
        }

        var startInfo = new ProcessStartInfo(words[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var word in words.Skip(1))
        {
            startInfo.ArgumentList.Add(word);
        }

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);

        context.Log.WriteLine($"cold start: {command}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return Fail($"cannot start '{words[0]}': {e.Message}", false);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        limit.CancelAfter(TimeSpan.FromSeconds(options.ColdStartTimeoutSeconds));
        var conversation = new ConversationIdentity($"cold-{context.RunId}", "agent-1", "Bench Agent 1");
        string? lastProblem = null;
        try
        {
            while (!limit.IsCancellationRequested)
            {
                if (process.HasExited)
                {
                    return Fail($"the command exited with code {process.ExitCode} before the first reply", true);
                }

                attempts++;
                var result = await context.Runner.RunTurnAsync(conversation, context.Script[0], limit.Token).ConfigureAwait(false);
                if (result.Post.IsCompleted && result.Post.Result.Answered)
                {
                    firstHttpMs ??= Math.Round(TurnStats.Milliseconds(started, result.Post.Result.Timestamp), 1);
                }

                if (result.Outcome == TurnOutcome.Completed)
                {
                    var firstReplyMs = Math.Round(TurnStats.Milliseconds(started, result.FirstReplyTimestamp), 1);

                    // A bot that answers after the turn is persisted acknowledges just after its first reply.
                    await Task.WhenAny(result.Post, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
                    if (result.Post.IsCompleted && result.Post.Result.Answered)
                    {
                        firstHttpMs ??= Math.Round(TurnStats.Milliseconds(started, result.Post.Result.Timestamp), 1);
                    }

                    return new ColdStartSummary("coldStart", command, bot, true, firstReplyMs, firstHttpMs, attempts, null, null, false);
                }

                if (result.Outcome == TurnOutcome.Cancelled)
                {
                    break;
                }

                var finished = await context.Runner.FinishAsync(result).ConfigureAwait(false);
                if (finished.Post.Answered)
                {
                    firstHttpMs ??= Math.Round(TurnStats.Milliseconds(started, finished.Post.Timestamp), 1);
                }

                lastProblem = result.Outcome == TurnOutcome.HttpError ? finished.Post.Error : "no reply within the turn timeout";
                if (result.Outcome == TurnOutcome.HttpError)
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(20), limit.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            return Fail(
                interrupt.IsCancellationRequested
                    ? "interrupted"
                    : $"no reply within {context.Seconds(options.ColdStartTimeoutSeconds)} (last problem: {lastProblem ?? "none"}; see --cold-start-timeout)",
                true);
        }
        finally
        {
            await StopAsync(process).ConfigureAwait(false);
        }
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Reported nowhere: the process was sent SIGKILL, it will go.
        }
    }

    private static async Task<bool> IsListeningAsync(Uri bot, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync(bot.DnsSafeHost, bot.Port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines the child printed, shown when the cold start fails.</summary>
    private sealed class OutputTail(int capacity)
    {
        private readonly Queue<string> lines = new();
        private readonly Lock gate = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                lines.Enqueue(line);
                while (lines.Count > capacity)
                {
                    lines.Dequeue();
                }
            }
        }

        public IReadOnlyList<string> Lines()
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }
}
