using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Ordering;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary>
/// Posts replays in the background: each replay runs on its own, posting one message, then waiting
/// <see cref="ReplayOptions.ReplayInterval"/>, then the next. Before each post it takes the conversation's place in the
/// <see cref="IConversationGate"/>, so the first message waits until the turn that asked for the replay has delivered
/// its header, and no post lands in the middle of another turn's replies; between posts the conversation is free.
/// </summary>
/// <remarks>
/// Replays live in memory only. One that is cut short (stopped, replaced, or the process ends) leaves nothing
/// half-written behind: every message is posted whole or not at all, and the case itself is only ever read.
/// </remarks>
public sealed partial class ReplayWorker(
    IConversationGate gate,
    IEnumerable<IReplayChannel> channels,
    IOptionsMonitor<ReplayOptions> options,
    TimeProvider time,
    ILogger<ReplayWorker> logger) : IReplayQueue, IAsyncDisposable, IDisposable
{
    private readonly IReplayChannel[] _channels = channels.ToArray();
    private readonly Dictionary<string, Running> _byConversation = new(StringComparer.Ordinal);
    private readonly HashSet<Running> _all = [];
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _shutdown = new();

    public bool CanReplayTo(ReplayTarget target) => ChannelFor(target) is not null;

    public bool Enqueue(ReplayJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var channel = ChannelFor(job.Target)
            ?? throw new InvalidOperationException($"No replay channel posts into {job.Target.ChannelId} conversations.");
        var run = new Running(job, CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token));
        Running? replaced;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
            _byConversation.TryGetValue(job.Target.ConversationKey, out replaced);
            _byConversation[job.Target.ConversationKey] = run;
            _all.Add(run);
            run.Task = Task.Run(() => RunAsync(run, channel));
        }

        replaced?.Stop();
        return replaced is not null;
    }

    public bool Stop(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        Running? run;
        lock (_sync)
        {
            if (_byConversation.Remove(conversationKey, out run))
            {
                run.Stop();
            }
        }

        return run is not null;
    }

    /// <summary>Stops every replay and waits for them to let go (each stops at its next await).</summary>
    public async ValueTask DisposeAsync() => await Task.WhenAll(StopAll()).ConfigureAwait(false);

    /// <summary>Stops every replay without waiting (a container disposed synchronously, as the terminal chat's is).</summary>
    public void Dispose() => StopAll();

    private Task[] StopAll()
    {
        lock (_sync)
        {
            if (_shutdown.IsCancellationRequested)
            {
                return [];
            }

            _shutdown.Cancel();
            return _all.Select(r => r.Task).OfType<Task>().ToArray();
        }
    }

    private IReplayChannel? ChannelFor(ReplayTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _channels.FirstOrDefault(c => c.Handles(target));
    }

    private async Task RunAsync(Running run, IReplayChannel channel)
    {
        var job = run.Job;
        var key = job.Target.ConversationKey;
        var caseId = job.CaseId.ToString(CultureInfo.InvariantCulture);
        var token = run.Token;
        var posted = 0;
        LogStarted(logger, caseId, key, job.Messages.Count);
        try
        {
            foreach (var message in job.Messages)
            {
                if (posted > 0 && options.CurrentValue.ReplayInterval is { } interval && interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, time, token).ConfigureAwait(false);
                }

                await using (await gate.EnterAsync(key, token).ConfigureAwait(false))
                {
                    await channel.PostAsync(job.Target, message, token).ConfigureAwait(false);
                }

                posted++;
            }

            LogFinished(logger, caseId, key, posted);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            LogStopped(logger, caseId, key, posted, job.Messages.Count);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, caseId, key, posted, job.Messages.Count);
        }
        finally
        {
            lock (_sync)
            {
                if (_byConversation.TryGetValue(key, out var current) && current == run)
                {
                    _byConversation.Remove(key);
                }

                _all.Remove(run);
            }

            run.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replaying case {CaseId} into {ConversationKey}: {Count} messages")]
    private static partial void LogStarted(ILogger logger, string caseId, string conversationKey, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replay of case {CaseId} into {ConversationKey} finished after {Posted} messages")]
    private static partial void LogFinished(ILogger logger, string caseId, string conversationKey, int posted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replay of case {CaseId} into {ConversationKey} stopped after {Posted} of {Count} messages")]
    private static partial void LogStopped(ILogger logger, string caseId, string conversationKey, int posted, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Replay of case {CaseId} into {ConversationKey} failed after {Posted} of {Count} messages; the rest was not posted (ask for the replay again)")]
    private static partial void LogFailed(ILogger logger, Exception exception, string caseId, string conversationKey, int posted, int count);

    private sealed class Running(ReplayJob job, CancellationTokenSource cancellation) : IDisposable
    {
        private int _disposed;

        public ReplayJob Job { get; } = job;

        public CancellationToken Token { get; } = cancellation.Token;

        public Task? Task { get; set; }

        public void Stop()
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                try
                {
                    cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Finished meanwhile: nothing left to stop.
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                cancellation.Dispose();
            }
        }
    }
}
