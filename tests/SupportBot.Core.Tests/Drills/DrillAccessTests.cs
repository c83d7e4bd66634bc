namespace SupportBot.Tests.Drills;

public sealed class DrillAccessTests
{
    [Fact]
    public async Task Agent_cannot_roleplay_another_agents_case()
    {
        var harness = new DrillHarness(trainers: ["trainer-1"]);
        var id = await RolePlayDrillTests.RecordBatteryBeltCaseAsync(harness, "agent-1");

        var said = await harness.SayAsync($"roleplay {id}", user: "agent-2", conversation: "agent-2-practice");

        Assert.Contains($"case #{id} isn't one of yours", said);
        Assert.DoesNotContain("**Customer:**", said);
    }

    [Fact]
    public async Task Trainer_can_roleplay_any_case()
    {
        var harness = new DrillHarness(trainers: ["trainer-1"]);
        var id = await RolePlayDrillTests.RecordBatteryBeltCaseAsync(harness, "agent-1");

        var said = await harness.SayAsync($"roleplay {id}", user: "trainer-1", conversation: "trainer-practice");

        Assert.Contains("**Customer:** Hi. The battery belt melted on my xpro.", said);
    }

    [Fact]
    public async Task Scoreboard_in_chat_is_refused_to_agents()
    {
        var harness = new DrillHarness(trainers: ["trainer-1"]);
        await harness.SendAsync("quiz");
        await harness.SendAsync("skip");

        var said = await harness.SayAsync("scoreboard");

        Assert.Contains("The scoreboard is for trainers", said);
        Assert.DoesNotContain("agent-1`", said);
    }

    [Fact]
    public async Task Scoreboard_in_chat_shows_every_trainee_to_a_trainer()
    {
        var harness = new DrillHarness(trainers: ["trainer-1"]);
        foreach (var agent in new[] { "agent-1", "agent-2" })
        {
            await harness.SendAsync("quiz", agent, "quiz-" + agent);
            await harness.SendAsync("skip", agent, "quiz-" + agent);
            await harness.SendAsync("stop", agent, "quiz-" + agent);
        }

        var said = await harness.SayAsync("scoreboard", user: "trainer-1", conversation: "trainer-chat");

        Assert.Contains("**Scoreboard** (2 trainees)", said);
        Assert.Contains("**Trainee agent-1** (`agent-1`): quiz 0/1 correct, accuracy 0%; no role-plays; weak:", said);
        Assert.Contains("(`agent-2`)", said);
    }

    [Fact]
    public async Task My_scores_shows_only_the_trainees_own()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz", "agent-2", "quiz-agent-2");
        await harness.SendAsync("skip", "agent-2", "quiz-agent-2");

        Assert.Contains("You haven't done any drills yet", await harness.SayAsync("my scores", user: "agent-1"));
        Assert.Contains("Quiz: 1 answered, 0 correct", await harness.SayAsync("my scores", user: "agent-2", conversation: "other"));
    }

    [Fact]
    public async Task Someone_else_in_the_conversation_does_not_take_over_the_drill()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz", "agent-1", "team-channel");

        var other = await harness.SayAsync("quiz", user: "agent-2", conversation: "team-channel");
        var owner = await harness.SayAsync("skip", user: "agent-1", conversation: "team-channel");

        Assert.Contains("is in the middle of a drill in this conversation", other);
        Assert.Contains("**Skipped.**", owner);
    }
}
