using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Tests.Channels.Teams.Cards;

public sealed class LeadCardActionTests
{
    [Fact]
    public void Reads_an_Action_Execute_invoke()
    {
        // The spec's adaptiveCard/action shape, with the data an escalation card sends and the typed input merged in.
        var activity = ActivityJson.Deserialize("""
            {"type": "invoke", "name": "adaptiveCard/action", "replyToId": "1700000000456", "channelId": "msteams",
             "from": {"id": "29:1LeadMri", "name": "Anna"}, "conversation": {"id": "19:leads@thread.tacv2"},
             "serviceUrl": "https://smba.trafficmanager.net/emea/",
             "value": {"action": {"type": "Action.Execute", "id": "escalation-42-NeedMoreInfo", "verb": "NeedMoreInfo",
                                  "data": {"escalationId": 42, "action": "NeedMoreInfo", "text": "  Which firmware?  "}},
                       "trigger": "manual"}}
            """);

        Assert.True(LeadCardAction.TryParse(activity, out var id, out var action, out var text));
        Assert.Equal(42, id);
        Assert.Equal(LeadAction.NeedMoreInfo, action);
        Assert.Equal("Which firmware?", text);
    }

    [Fact]
    public void Reads_an_Action_Submit_message()
    {
        // Action.Submit is not an invoke in Teams: a message with no text and value = data plus inputs.
        var activity = ActivityJson.Deserialize("""
            {"type": "message", "replyToId": "1700000000456", "channelId": "msteams",
             "from": {"id": "29:1LeadMri", "name": "Anna"}, "conversation": {"id": "19:leads@thread.tacv2"},
             "value": {"escalationId": 42, "action": "Acknowledge", "text": ""}}
            """);

        Assert.True(LeadCardAction.TryParse(activity, out var id, out var action, out var text));
        Assert.Equal(42, id);
        Assert.Equal(LeadAction.Acknowledge, action);
        Assert.Null(text);
    }

    [Fact]
    public void Reads_the_data_of_every_button_on_a_generated_card()
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(EscalationStatus.Acknowledged), CardSamples.Created.AddHours(1));

        foreach (var button in card["actions"]!.AsArray())
        {
            var data = button!["data"]!.DeepClone().AsObject();
            data["text"] = "Missing the serial";
            var invoke = new Activity
            {
                Type = ActivityTypes.Invoke,
                Name = "adaptiveCard/action",
                Value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = button["verb"]!.DeepClone(), ["data"] = data }, ["trigger"] = "manual" },
            };
            var submit = new Activity { Type = ActivityTypes.Message, Value = button["fallback"]!["data"]!.DeepClone() };

            Assert.True(LeadCardAction.TryParse(invoke, out var id, out var action, out var text));
            Assert.Equal((42L, button["verb"]!.GetValue<string>(), "Missing the serial"), (id, action.ToString(), text));
            Assert.True(LeadCardAction.TryParse(submit, out var submitId, out var submitAction, out var submitText));
            Assert.Equal((42L, action, (string?)null), (submitId, submitAction, submitText));
        }
    }

    [Theory]
    [InlineData("\"42\"")]
    [InlineData("\"#42\"")]
    [InlineData("42.0")]
    public void Accepts_an_id_written_as_text_or_a_whole_decimal(string idJson)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Value = JsonNode.Parse($$"""{"escalationId": {{idJson}}, "action": "takeover"}""") };

        Assert.True(LeadCardAction.TryParse(activity, out var id, out var action, out _));
        Assert.Equal(42, id);
        Assert.Equal(LeadAction.TakeOver, action);
    }

    [Theory]
    [InlineData("""{"type": "message", "text": "ack 42"}""")]
    [InlineData("""{"type": "message", "value": {"text": "yes"}}""")]
    [InlineData("""{"type": "message", "value": {"escalationId": 42, "action": "Explode"}}""")]
    [InlineData("""{"type": "message", "value": {"escalationId": 42, "action": "3"}}""")]
    [InlineData("""{"type": "message", "value": {"escalationId": -1, "action": "Approve"}}""")]
    [InlineData("""{"type": "message", "value": {"escalationId": 4.5, "action": "Approve"}}""")]
    [InlineData("""{"type": "message", "value": {"escalationId": "abc", "action": "Approve"}}""")]
    [InlineData("""{"type": "message", "value": {"action": "Approve"}}""")]
    [InlineData("""{"type": "invoke", "name": "task/fetch", "value": {"action": {"type": "Action.Execute", "verb": "Approve", "data": {"escalationId": 42}}}}""")]
    [InlineData("""{"type": "invoke", "name": "adaptiveCard/action", "value": {"action": {"type": "Action.Submit", "verb": "Approve", "data": {"escalationId": 42}}}}""")]
    [InlineData("""{"type": "invoke", "name": "adaptiveCard/action", "value": {"action": {"type": "Action.Execute", "verb": "approve", "data": {"requestId": 17}}}}""")]
    [InlineData("""{"type": "invoke", "name": "adaptiveCard/action"}""")]
    [InlineData("""{"type": "conversationUpdate", "value": {"escalationId": 42, "action": "Approve"}}""")]
    public void Anything_else_is_not_a_lead_card_action(string json)
    {
        Assert.False(LeadCardAction.TryParse(ActivityJson.Deserialize(json), out _, out _, out _));
    }

    [Fact]
    public void The_verb_wins_over_the_data_action_in_an_invoke()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JsonNode.Parse("""{"action": {"type": "Action.Execute", "verb": "Resolve", "data": {"escalationId": 9, "action": "Approve"}}}"""),
        };

        Assert.True(LeadCardAction.TryParse(activity, out var id, out var action, out _));
        Assert.Equal((9L, LeadAction.Resolve), (id, action));
    }
}
