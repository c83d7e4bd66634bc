using SupportBot.Activities;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Dialogs;

public class PromptTests
{
    private static Task<TestFlow> StartDeviceCheck() =>
        BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow().SendAsync("device check").DrainReplies();

    [Fact]
    public async Task AttachmentPrompt_AcceptsAnAttachment()
    {
        var flow = await StartDeviceCheck();
        await flow.SendAsync(new Activity { Attachments = [new Attachment { Name = "belt.jpg", ContentType = "image/jpeg" }] });
        flow.AssertReply("Which model?");
    }

    [Theory]
    [InlineData("cx is emailing them")]
    [InlineData("asked customer for pics")]
    [InlineData("photos requested")]
    public async Task AttachmentPrompt_AcceptsTheAgentSayingTheyWereRequested(string text)
    {
        (await (await StartDeviceCheck()).SendAsync(text)).AssertReply("Which model?");
    }

    [Fact]
    public async Task AttachmentPrompt_RetriesWhenTheCustomerWillNotSendThem()
    {
        (await (await StartDeviceCheck()).SendAsync("customer won't send photos")).AssertReply("didn't see an attachment");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("Beta Two")]
    [InlineData("beta two")]
    [InlineData("the second one")]
    [InlineData("betta two")]
    public async Task ChoicePrompt_AcceptsNumberLabelOrdinalAndNearMiss(string answer)
    {
        var flow = await (await StartDeviceCheck()).SendAsync("requested").DrainReplies();
        await flow.SendAsync(answer);
        flow.AssertReply("How many units?");
    }

    [Fact]
    public async Task ChoicePrompt_AcceptsASynonym()
    {
        var flow = await (await StartDeviceCheck()).SendAsync("requested").DrainReplies();
        (await flow.SendAsync("a1")).AssertReply("How many units?");
    }

    [Fact]
    public async Task ChoicePrompt_OffersTheChoicesAsButtons()
    {
        var flow = await StartDeviceCheck();
        await flow.SendAsync("requested");
        flow.AssertReply(a => Assert.Equal(["Alpha One", "Beta Two", "Gamma Max"], a.SuggestedActions!.Actions.Select(x => x.Title)));
    }

    [Fact]
    public async Task ChoicePrompt_RetriesOnAnUnknownAnswerAndListsTheOptions()
    {
        var flow = await (await StartDeviceCheck()).SendAsync("requested").DrainReplies();
        (await flow.SendAsync("delta")).AssertReply("1. Alpha One, 2. Beta Two, 3. Gamma Max");
    }

    [Theory]
    [InlineData("three", "3")]
    [InlineData("3 units", "3")]
    public async Task NumberPrompt_AcceptsDigitsAndWords(string answer, string expected)
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        var flow = await harness.Flow().SendAsync("device check").SendAsync("requested").SendAsync("2").DrainReplies();
        await flow.SendAsync(answer);
        flow.AssertReply("Was anyone hurt?");
        await flow.SendAsync("no");
        await flow.SendAsync("none");
        flow.AssertReplyEventually("Ship " + expected + " x Beta Two");
    }

    [Fact]
    public async Task NumberPrompt_RejectsAnAnswerOutOfRange()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").SendAsync("2").DrainReplies();
        (await flow.SendAsync("40")).AssertReply("out of range");
    }

    [Theory]
    [InlineData("yep")]
    [InlineData("Yes they did")]
    [InlineData("correct")]
    [InlineData("y")]
    public async Task ConfirmPrompt_UnderstandsWaysOfSayingYes(string answer)
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").SendAsync("2").SendAsync("1").DrainReplies();
        await flow.SendAsync(answer);
        flow.AssertReplyEventually("Injury reported");
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("no, nobody")]
    [InlineData("nah")]
    [InlineData("they didn't")]
    public async Task ConfirmPrompt_UnderstandsWaysOfSayingNo(string answer)
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").SendAsync("2").SendAsync("1").DrainReplies();
        (await flow.SendAsync(answer)).AssertReply("Anything else?");
    }

    [Fact]
    public async Task Prompt_GivesUpAfterMaxAttemptsAndMovesOn()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").SendAsync("2").SendAsync("1").DrainReplies();
        (await flow.SendAsync("maybe")).AssertReply("couldn't tell");
        await flow.SendAsync("not sure");
        flow.AssertReply("not collected").AssertReply("Anything else?");
    }

    [Fact]
    public async Task TextPrompt_AcceptsFreeText()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").SendAsync("2").SendAsync("1").SendAsync("no").DrainReplies();
        await flow.SendAsync("unit rattles when shaken");
        flow.AssertReply(a => Assert.Contains("Notes unit rattles when shaken.", a.Text));
    }
}
