using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Bot;

/// <summary>A value the agent already gave is not asked for again.</summary>
public class EntityPrefillTests
{
    [Fact]
    public async Task OrderNumberInTheFirstMessage_AnswersTheOrderNumberStep()
    {
        var flow = BotHarness.FromRepository().Flow();

        await flow.SendAsync("cx got the box from our site but one camera is missing, order 100-2000-3000");

        flow.AssertReplyEventually("Order number: **100-2000-3000**, from what you said earlier");
    }

    [Fact]
    public async Task CameraModelMentionedMidDialog_AnswersTheLaterModelStep()
    {
        var flow = BotHarness.FromRepository().Flow();
        await flow.SendAsync("cust says battery belt melted on his x pro");
        flow.DrainReplies();

        await flow.SendAsync("cx is emailing the pics and receipt");
        await flow.SendAsync("no");

        flow.AssertReplyEventually("Camera model: **Reveal X-Pro**, from what you said earlier");
    }

    [Fact]
    public async Task GoingBackToAPrefilledStep_AsksTheQuestion()
    {
        var flow = BotHarness.FromRepository().Flow();
        await flow.SendAsync("cx got the box from our site but one camera is missing, order 100-2000-3000");
        flow.DrainReplies();

        await flow.SendAsync("back");

        flow.AssertReplyEventually("order number");
    }

    [Fact]
    public async Task ValuesFromAFinishedCase_DoNotAnswerTheNextCase()
    {
        var flow = BotHarness.FromRepository().Flow();
        await flow.SendAsync("cx got the box from our site but one camera is missing, order 100-2000-3000");
        await flow.SendAsync("cancel");
        flow.DrainReplies();

        await flow.SendAsync("cx says a camera is missing from their order");

        flow.AssertReply(r => Assert.DoesNotContain(flow.Harness.Adapter.Replies, a => a.Text?.Contains("100-2000-3000", StringComparison.Ordinal) == true));
    }
}
