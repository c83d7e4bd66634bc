using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Activities;
using SupportBot.Host.Channels.Replay;
using SupportBot.Ordering;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Tests.Channels.Replay;

/// <summary>
/// The replay worker posting into web chat conversations (their transcript, as the page reads it) on a fake clock:
/// paced, in order, after the turn that asked, and stoppable without leaving anything half-done.
/// </summary>
public sealed class ReplayWorkerTests : IAsyncDisposable
{
    private static readonly ReplayTarget WebChat = new("webchat", "trainer-conversation", null, new ChannelAccount { Id = "supportbot" }, new ChannelAccount { Id = "trainer-1" });

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryTranscriptStore _transcripts = new();
    private readonly InProcessConversationGate _gate = new();
    private readonly ReplayWorker _worker;

    public ReplayWorkerTests() => _worker = Worker(TimeSpan.FromSeconds(1));

    public async ValueTask DisposeAsync() => await _worker.DisposeAsync();

    private ReplayWorker Worker(TimeSpan interval, params IReplayChannel[] extra) => new(
        _gate,
        [new WebChatReplayChannel(_transcripts, new SensitiveDataRedactor(), _time), .. extra],
        new FixedMonitor(new ReplayOptions { ReplayInterval = interval }),
        _time,
        NullLogger<ReplayWorker>.Instance);

    private static ReplayJob Job(params string[] messages) => new(7, WebChat, messages);

    private async Task<List<TranscriptEntry>> PostedAsync() => [.. await _transcripts.GetAsync(WebChat.ConversationKey, default)];

    /// <summary>Moves the fake clock on in small steps until <paramref name="count"/> messages are posted.</summary>
    private async Task AdvanceUntilPostedAsync(int count)
    {
        await ReplayCases.WaitUntilAsync(async () =>
        {
            if ((await PostedAsync()).Count >= count)
            {
                return true;
            }

            _time.Advance(TimeSpan.FromMilliseconds(100));
            return false;
        }, $"{count} messages are posted");
    }

    [Fact]
    public async Task Posts_the_messages_in_order_at_least_the_interval_apart()
    {
        _worker.Enqueue(Job("turn 1", "turn 2", "turn 3"));

        await AdvanceUntilPostedAsync(3);

        var posted = await PostedAsync();
        Assert.Equal(["turn 1", "turn 2", "turn 3"], posted.Select(e => e.Activity.Text));
        Assert.All(posted, e => Assert.Equal(TranscriptDirection.Outbound, e.Direction));
        Assert.True(posted[1].Timestamp - posted[0].Timestamp >= TimeSpan.FromSeconds(1), "the second turn came before the interval passed");
        Assert.True(posted[2].Timestamp - posted[1].Timestamp >= TimeSpan.FromSeconds(1), "the third turn came before the interval passed");
    }

    [Fact]
    public async Task Waits_for_the_turn_that_holds_the_conversation_before_the_first_message()
    {
        var turn = await _gate.EnterAsync(WebChat.ConversationKey, default);
        _worker.Enqueue(Job("turn 1"));

        // The clock is fake and the conversation is held, so nothing can be posted however long this waits.
        await Task.Delay(100);
        Assert.Empty(await PostedAsync());

        await turn.DisposeAsync();
        await AdvanceUntilPostedAsync(1);
    }

    [Fact]
    public async Task Stop_ends_the_replay_after_the_message_being_posted()
    {
        _worker.Enqueue(Job("turn 1", "turn 2", "turn 3"));
        await AdvanceUntilPostedAsync(1);

        Assert.True(_worker.Stop(WebChat.ConversationKey));
        await _worker.DisposeAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["turn 1"], (await PostedAsync()).Select(e => e.Activity.Text));
        Assert.False(_worker.Stop(WebChat.ConversationKey));
    }

    [Fact]
    public async Task A_new_replay_in_the_same_conversation_replaces_the_running_one()
    {
        _worker.Enqueue(Job("first 1", "first 2", "first 3"));
        await AdvanceUntilPostedAsync(1);

        Assert.True(_worker.Enqueue(Job("second 1", "second 2")));
        await AdvanceUntilPostedAsync(3);

        Assert.Equal(["first 1", "second 1", "second 2"], (await PostedAsync()).Select(e => e.Activity.Text));
    }

    [Fact]
    public async Task A_channel_that_fails_ends_that_replay_and_later_replays_still_run()
    {
        var terminal = new FailingAfterWriter(lines: 1);
        await using var worker = Worker(TimeSpan.Zero, new TerminalReplayChannel(terminal));
        var target = WebChat with { ChannelId = "terminal" };

        worker.Enqueue(new ReplayJob(7, target, ["turn 1", "turn 2", "turn 3"]));
        await ReplayCases.WaitUntilAsync(() => Task.FromResult(terminal.Failures > 0), "the terminal refuses a line");
        worker.Enqueue(Job("next replay"));
        await ReplayCases.WaitUntilAsync(async () => (await PostedAsync()).Count == 1, "the next replay is posted");

        Assert.Equal(1, terminal.Failures);
        Assert.Equal("bot> turn 1" + Environment.NewLine, terminal.Written);
    }

    [Fact]
    public void CanReplayTo_only_channels_it_has_a_poster_for()
    {
        Assert.True(_worker.CanReplayTo(WebChat));
        Assert.False(_worker.CanReplayTo(WebChat with { ChannelId = "msteams", ServiceUrl = "https://smba.example/" }));
        Assert.Throws<InvalidOperationException>(() => _worker.Enqueue(new ReplayJob(7, WebChat with { ChannelId = "fax" }, ["turn 1"])));
    }

    [Fact]
    public async Task A_stopped_worker_takes_no_more_replays()
    {
        await _worker.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => _worker.Enqueue(Job("turn 1")));
    }

    private sealed class FixedMonitor(ReplayOptions value) : IOptionsMonitor<ReplayOptions>
    {
        public ReplayOptions CurrentValue => value;

        public ReplayOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ReplayOptions, string?> listener) => null;
    }

    /// <summary>A terminal whose output breaks (a closed pipe) after a number of lines.</summary>
    private sealed class FailingAfterWriter(int lines) : StringWriter
    {
        private int _lines;

        public int Failures { get; private set; }

        public string Written => ToString();

        public override Encoding Encoding => Encoding.UTF8;

        public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (++_lines > lines)
            {
                Failures++;
                throw new IOException("The terminal's output was closed.");
            }

            return base.WriteLineAsync(buffer, cancellationToken);
        }
    }
}
