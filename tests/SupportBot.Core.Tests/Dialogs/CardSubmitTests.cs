using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Dialogs;

public class CardSubmitTests
{
    [Fact]
    public async Task ButtonClickArrivingAsAValueWithoutText_AnswersThePrompt()
    {
        var flow = await BotHarness.FromYaml(TestPlaybooks.DeviceCheck).Flow()
            .SendAsync("device check").SendAsync("requested").DrainReplies();

        await flow.SendAsync(new Activity
        {
            Value = JsonNode.Parse("""{"msteams": {"type": "messageBack", "text": "Beta Two"}, "text": "Beta Two"}"""),
        });

        flow.AssertReply("How many units?");
    }
}
