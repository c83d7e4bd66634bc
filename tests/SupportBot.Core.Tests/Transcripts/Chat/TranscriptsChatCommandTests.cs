using SupportBot.Tests.Testing;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Transcripts.Chat;

/// <summary><c>transcripts …</c> through the real pipeline: agents' cases recorded by the harness, listed by a trainer or an agent.</summary>
public class TranscriptsChatCommandTests
{
    private const string Trainer = "trainer-1";

    private readonly BotHarness _harness = BotHarness.FromRepository();
    private readonly TrainerChat _chat;

    public TranscriptsChatCommandTests() => _chat = new TrainerChat(_harness, [Trainer]);

    /// <summary>agent-1 cancels a battery-belt case on Monday 2026-11-02, agent-2 a missing-camera case on Tuesday.</summary>
    private async Task<(long Battery, long Camera)> TwoCasesAsync()
    {
        var battery = await SeededCases.ConverseAsync(_harness, "agent-1", "battery-belt-damage", "cancel");
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var camera = await SeededCases.ConverseAsync(_harness, "agent-2", "missing-camera", "cancel");
        return (battery, camera);
    }

    [Fact]
    public async Task Trainer_commands_are_recorded_outside_any_case()
    {
        await _chat.AskAsync(Trainer, "transcripts");
        await _chat.AskAsync(Trainer, "transcripts escalated");

        Assert.Empty(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        var recorded = await _harness.Transcripts.GetAsync("test/chat-" + Trainer, default);
        Assert.Equal(4, recorded.Count);
        Assert.All(recorded, e => Assert.Equal(0, e.CaseId));
    }

    [Fact]
    public async Task Transcripts_lists_every_agents_cases_newest_first_for_a_trainer()
    {
        var (battery, camera) = await TwoCasesAsync();

        var reply = await _chat.AskAsync(Trainer, "transcripts");

        var lines = reply.Split('\n');
        Assert.Equal($"**#{camera}** missing-camera · agent-2 (Agent agent-2) · started 2026-11-03 09:00 UTC · 2 turns · not escalated · cancelled", lines[1]);
        Assert.Equal($"**#{battery}** battery-belt-damage · agent-1 (Agent agent-1) · started 2026-11-02 09:00 UTC · 2 turns · not escalated · cancelled", lines[2]);
        Assert.Contains("`replay N`", lines[^1]);
    }

    [Fact]
    public async Task Transcripts_narrows_the_list_to_the_filters()
    {
        var (battery, camera) = await TwoCasesAsync();

        var reply = await _chat.AskAsync(Trainer, "transcripts battery cancelled");

        Assert.StartsWith("1 case (playbook battery-belt-damage (Melted or damaged battery belt), cancelled)", reply);
        Assert.Contains($"**#{battery}**", reply);
        Assert.DoesNotContain($"**#{camera}**", reply);
    }

    [Fact]
    public async Task Transcripts_counts_relative_dates_from_the_message_time()
    {
        var (battery, camera) = await TwoCasesAsync();

        var reply = await _chat.AskAsync(Trainer, "transcripts yesterday", timestamp: new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero));

        Assert.Contains($"**#{battery}**", reply);
        Assert.DoesNotContain($"**#{camera}**", reply);
    }

    [Fact]
    public async Task Transcripts_lists_only_the_agents_own_cases_for_an_agent()
    {
        var (battery, camera) = await TwoCasesAsync();

        var reply = await _chat.AskAsync("agent-1", "transcripts");

        Assert.Contains($"**#{battery}**", reply);
        Assert.DoesNotContain($"**#{camera}**", reply);
        Assert.Contains("You see your own cases", reply);
    }

    [Fact]
    public async Task Transcripts_politely_refuses_an_agent_asking_for_another_agents_cases()
    {
        var (_, camera) = await TwoCasesAsync();

        var reply = await _chat.AskAsync("agent-1", "transcripts by agent-2");

        Assert.StartsWith("Sorry, you can list your own cases only; agent-2's are for trainers", reply);
        Assert.DoesNotContain($"#{camera}", reply);
    }

    [Fact]
    public async Task Transcripts_says_so_when_the_channel_did_not_say_who_is_asking()
    {
        await TwoCasesAsync();

        var reply = await _chat.AskAsync(userId: "", "transcripts");

        Assert.Equal("Sorry, this channel didn't say who you are, so I can't tell which cases are yours.", reply);
    }

    [Fact]
    public async Task Transcripts_lets_a_trainer_ask_for_one_agents_cases()
    {
        var (battery, camera) = await TwoCasesAsync();

        var reply = await _chat.AskAsync(Trainer, "transcripts by agent-2");

        Assert.Contains($"**#{camera}**", reply);
        Assert.DoesNotContain($"**#{battery}**", reply);
    }

    [Fact]
    public async Task My_transcripts_lists_the_callers_own_cases_even_for_a_trainer()
    {
        await TwoCasesAsync();
        var own = await SeededCases.SaveAsync(_harness, SeededCases.Summary(Trainer, "live-view", _harness.Time.GetUtcNow()));

        var reply = await _chat.AskAsync(Trainer, "my transcripts");

        Assert.StartsWith("1 case (yours)", reply);
        Assert.Contains($"**#{own.Id}** live-view", reply);
    }

    [Fact]
    public async Task Transcripts_names_the_words_it_did_not_understand_and_lists_nothing()
    {
        var (battery, _) = await TwoCasesAsync();

        var reply = await _chat.AskAsync(Trainer, "transcripts battery wobbly");

        Assert.StartsWith("I didn't understand \"wobbly\".", reply);
        Assert.Contains("For example: `transcripts battery-belt-damage last week`", reply);
        Assert.DoesNotContain($"#{battery}", reply);
    }

    [Fact]
    public async Task Transcripts_asks_for_the_playbook_id_when_title_words_fit_several()
    {
        var reply = await _chat.AskAsync(Trainer, "transcripts missing");

        Assert.Contains("\"missing\" fits several playbooks", reply);
        Assert.Contains("`missing-camera`", reply);
    }

    [Fact]
    public async Task Transcripts_lists_ten_and_says_there_are_more()
    {
        var start = _harness.Time.GetUtcNow();
        for (var i = 0; i < 12; i++)
        {
            await SeededCases.SaveAsync(_harness, SeededCases.Summary("agent-" + i, "live-view", start.AddMinutes(i)) with { Escalated = true });
        }

        var reply = await _chat.AskAsync(Trainer, "transcripts escalated");

        var lines = reply.Split('\n');
        Assert.StartsWith("The newest 10 matching cases (escalated); there are more", lines[0]);
        Assert.Equal(10, lines.Count(l => l.StartsWith("**#", StringComparison.Ordinal)));
        Assert.Contains("**#12** live-view · agent-11 · started 2026-11-02 09:11 UTC · 1 turn · escalated · completed: default", lines[1]);
    }

    [Fact]
    public async Task Transcripts_says_when_nothing_matches()
    {
        await TwoCasesAsync();

        var reply = await _chat.AskAsync(Trainer, "transcripts escalated");

        Assert.StartsWith("No cases match (escalated).", reply);
    }

    [Fact]
    public async Task Transcripts_leaves_the_agents_running_playbook_where_it_was()
    {
        var flow = await _harness.Flow("agent-9-conversation").SendAsync("start battery-belt-damage");
        flow.DrainReplies();

        await _chat.AskAsync(Trainer, "transcripts");
        var after = await _harness.Transcripts.FindCasesAsync(new TranscriptQuery { PlaybookId = "battery-belt-damage" }, default);

        Assert.Equal(CaseStatus.Open, Assert.Single(after).Status);
    }
}
