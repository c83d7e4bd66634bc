using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Bot;

public class InterruptionTests
{
    [Fact]
    public async Task Help_ExplainsTheStepAndAsksAgain()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow().SendAsync("device check").SendAsync("requested").DrainReplies();
        await flow.SendAsync("help");
        flow.AssertReply("The model decides the replacement part").AssertReply("Which model?").AssertNoMoreReplies();
    }

    [Fact]
    public async Task Cancel_EndsThePlaybook()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow().SendAsync("device check").DrainReplies();
        (await flow.SendAsync("cancel")).AssertReply("Cancelled **Device check**");
        (await flow.SendAsync("2")).AssertReply("not sure which playbook");
    }

    [Fact]
    public async Task StartOver_RestartsThePlaybookFromTheFirstStep()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow().SendAsync("device check").SendAsync("requested").DrainReplies();
        await flow.SendAsync("start over");
        flow.AssertReply("again from the first step").AssertReplyEventually("Attach photos");
    }

    [Fact]
    public async Task Back_ReturnsToThePreviousQuestion()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").SendAsync("2").DrainReplies();
        (await flow.SendAsync("back")).AssertReply("Which model?");
        (await flow.SendAsync("3")).AssertReply("How many units?");
    }

    [Fact]
    public async Task Back_OnTheFirstStepSaysThereIsNothingEarlier()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow().SendAsync("device check").DrainReplies();
        (await flow.SendAsync("back")).AssertReply("no earlier step").AssertReply("Attach photos");
    }

    [Fact]
    public async Task QuestionMidDialog_IsAnsweredAndTheSameStepIsAskedAgain()
    {
        var knowledge = new[] { new KnowledgeEntry("gps-models", "Which cameras have GPS?", "Alpha One and Gamma Max have GPS.", ["gps", "location"], "test", null) };
        var harness = new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), knowledge);
        var flow = await harness.Flow().SendAsync("device check").SendAsync("requested").DrainReplies();
        await flow.SendAsync("which cams have gps?");
        flow.AssertReply("Alpha One and Gamma Max have GPS").AssertReply("Back to where we were").AssertReply("Which model?");
        (await flow.SendAsync("Gamma Max")).AssertReply("How many units?");
    }
}
