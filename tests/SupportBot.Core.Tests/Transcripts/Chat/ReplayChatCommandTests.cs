using SupportBot.Tests.Testing;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Tests.Transcripts.Chat;

/// <summary><c>replay N</c> and <c>stop replay</c> through the real pipeline; the replays it queues are recorded, as the host's worker would take them.</summary>
public class ReplayChatCommandTests
{
    private const string Trainer = "trainer-1";

    private readonly BotHarness _harness = BotHarness.FromRepository();
    private readonly TrainerChat _chat;

    public ReplayChatCommandTests() => _chat = new TrainerChat(_harness, [Trainer]);

    private Task<long> BatteryCaseAsync(string agentId = "agent-1") =>
        SeededCases.ConverseAsync(_harness, agentId, "battery-belt-damage", "cx is emailing the pics", "no");

    [Fact]
    public async Task Replay_answers_with_the_case_header_and_queues_one_message_per_turn_into_the_trainers_conversation()
    {
        var id = await BatteryCaseAsync();

        var header = await _chat.AskAsync(Trainer, $"replay {id}");

        Assert.StartsWith($"**Replay of case #{id}**: battery-belt-damage (Melted or damaged battery belt)", header);
        Assert.Contains("Agent agent-1 (Agent agent-1) · test · started 2026-11-02 09:00 UTC", header);
        Assert.Contains("3 turns · not escalated · open", header);
        var job = Assert.Single(_chat.Replays.Jobs);
        Assert.Equal(id, job.CaseId);
        Assert.Equal("test/chat-" + Trainer, job.Target.ConversationKey);
        Assert.Equal(Trainer, job.Target.Trainer?.Id);
        Assert.Equal(3, job.Messages.Count);
        Assert.StartsWith("**Turn 1 of 3**", job.Messages[0]);
        Assert.Contains("**Agent:** start battery-belt-damage", job.Messages[0]);
        Assert.Contains("**Agent:** cx is emailing the pics", job.Messages[1]);
        Assert.StartsWith("**Turn 3 of 3**", job.Messages[2]);
    }

    [Fact]
    public async Task Replay_lets_an_agent_replay_their_own_case()
    {
        var id = await BatteryCaseAsync("agent-1");

        var header = await _chat.AskAsync("agent-1", $"replay {id}");

        Assert.StartsWith($"**Replay of case #{id}**", header);
        Assert.Single(_chat.Replays.Jobs);
    }

    [Fact]
    public async Task Replay_politely_refuses_another_agents_case_and_queues_nothing()
    {
        var id = await BatteryCaseAsync("agent-1");

        var reply = await _chat.AskAsync("agent-2", $"replay {id}");

        Assert.StartsWith($"Sorry, case #{id} is another agent's", reply);
        Assert.Empty(_chat.Replays.Jobs);
    }

    [Fact]
    public async Task Replay_says_clearly_when_there_is_no_such_case()
    {
        await BatteryCaseAsync();

        var reply = await _chat.AskAsync(Trainer, "replay 999");

        Assert.Equal("There's no case #999. Say `transcripts` to list recent cases.", reply);
        Assert.Empty(_chat.Replays.Jobs);
    }

    [Fact]
    public async Task Replay_without_a_number_explains_how_to_use_it()
    {
        Assert.Equal(ReplayChatCommand.Usage, await _chat.AskAsync(Trainer, "replay"));
    }

    [Fact]
    public async Task Replay_says_so_when_this_channel_cannot_take_a_replay()
    {
        var id = await BatteryCaseAsync();
        _chat.Replays.Unsupported.Add("test");

        var reply = await _chat.AskAsync(Trainer, $"replay {id}");

        Assert.StartsWith("I can't post a replay into this channel (test).", reply);
        Assert.Empty(_chat.Replays.Jobs);
    }

    [Fact]
    public async Task Replay_of_a_second_case_says_the_running_one_stopped()
    {
        var first = await BatteryCaseAsync("agent-1");
        var second = await BatteryCaseAsync("agent-2");
        await _chat.AskAsync(Trainer, $"replay {first}");

        var header = await _chat.AskAsync(Trainer, $"replay #{second}");

        Assert.StartsWith($"**Replay of case #{second}**", header);
        Assert.EndsWith("(The replay that was running here has stopped.)", header);
    }

    [Fact]
    public async Task Stop_replay_stops_the_replay_of_this_conversation()
    {
        var id = await BatteryCaseAsync();
        await _chat.AskAsync(Trainer, $"replay {id}");

        Assert.Equal("Stopped the replay.", await _chat.AskAsync(Trainer, "stop replay"));
        Assert.Equal(["test/chat-" + Trainer], _chat.Replays.Stopped);
    }

    [Fact]
    public async Task Stop_replay_says_when_nothing_is_running()
    {
        Assert.Equal("There's no replay running here.", await _chat.AskAsync(Trainer, "stop replay"));
    }

    [Fact]
    public async Task A_message_that_only_starts_with_replay_is_left_to_triage()
    {
        var replies = await _chat.SendAsync("agent-1", "replay button missing in the app");

        Assert.DoesNotContain(replies, r => r.Text == ReplayChatCommand.Usage);
        Assert.Empty(_chat.Replays.Jobs);
    }
}
