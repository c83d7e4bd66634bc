using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Host.Channels.Teams.Cards;
using SupportBot.Playbooks;

namespace SupportBot.Tests.Channels.Teams.Cards;

public sealed class TeamsActivityConverterTests
{
    [Fact]
    public void Suggested_actions_become_a_prompt_card_and_are_removed()
    {
        var reply = CardSamples.Prompt("Is the camera with the customer?", ("Yes", "yes"), ("No", "no"));

        var teams = TeamsActivityConverter.ForTeams(reply);

        Assert.Null(teams.SuggestedActions);
        Assert.Null(teams.Text);
        var attachment = Assert.Single(teams.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.AsObject();
        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal("Is the camera with the customer?", CardQuery.Texts(card).Single());
        Assert.Equal(["yes", "no"], CardQuery.Actions(card).Select(a => a["data"]!["text"]!.GetValue<string>()));

        // The rest of the reply is kept, and the original is untouched.
        Assert.Equal(reply.ReplyToId, teams.ReplyToId);
        Assert.Equal(reply.Conversation, teams.Conversation);
        Assert.Equal("expectingInput", teams.InputHint);
        Assert.NotNull(reply.SuggestedActions);
        Assert.Equal("Is the camera with the customer?", reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public void The_converted_reply_serializes_as_a_message_with_a_card()
    {
        var teams = TeamsActivityConverter.ForTeams(CardSamples.Prompt("Pick", ("A", "a")));

        var json = JsonNode.Parse(ActivityJson.Serialize(teams))!;

        Assert.Null(json["suggestedActions"]);
        Assert.Equal("message", json["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", json["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void An_outcome_attachment_becomes_an_outcome_card_and_the_text_is_not_repeated()
    {
        var view = CardSamples.Outcome(escalate: true);
        var reply = OutcomeRenderer.ToActivity(CardSamples.Incoming(), view);

        var teams = TeamsActivityConverter.ForTeams(reply);

        Assert.True(string.IsNullOrEmpty(teams.Text));
        var attachment = Assert.Single(teams.Attachments!);
        Assert.Equal(AdaptiveCards.ContentType, attachment.ContentType);
        var card = attachment.Content!.AsObject();
        AdaptiveCardSchema.AssertValid(card);
        Assert.True(JsonNode.DeepEquals(AdaptiveCards.ForOutcome(view), card));
        Assert.Equal(OutcomeRenderer.ContentType, Assert.Single(reply.Attachments!).ContentType);
        Assert.False(string.IsNullOrEmpty(reply.Text));
    }

    [Fact]
    public void Other_replies_are_unchanged()
    {
        var reply = CardSamples.Incoming().CreateReply("Thanks, noted.");
        reply.Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://example.com/a.png" }];

        var teams = TeamsActivityConverter.ForTeams(reply);

        Assert.Equal(ActivityJson.Serialize(reply), ActivityJson.Serialize(teams));
    }

    [Fact]
    public void Other_attachments_are_kept_next_to_the_outcome_card()
    {
        var reply = OutcomeRenderer.ToActivity(CardSamples.Incoming(), CardSamples.Outcome(escalate: false));
        reply.Attachments!.Insert(0, new Attachment { ContentType = "image/png", ContentUrl = "https://example.com/a.png" });

        var teams = TeamsActivityConverter.ForTeams(reply);

        Assert.Equal(["image/png", AdaptiveCards.ContentType], teams.Attachments!.Select(a => a.ContentType));
    }

    [Fact]
    public void Invoke_responses_have_the_documented_shapes()
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(SupportBot.Escalations.EscalationStatus.Acknowledged), CardSamples.Created);

        var response = AdaptiveCards.InvokeResponse(card);
        var message = AdaptiveCards.InvokeMessage("Escalation #42 acknowledged by Anna.");
        var error = AdaptiveCards.InvokeError(400, "BadRequest", "Not an escalation card.");

        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        AdaptiveCardSchema.AssertValid(response["value"]!.AsObject());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": "Escalation #42 acknowledged by Anna."}"""),
            message));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"statusCode": 400, "type": "application/vnd.microsoft.error", "value": {"code": "BadRequest", "message": "Not an escalation card."}}"""),
            error));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveCards.InvokeError(200, "x", "y"));
    }

    [Fact]
    public void A_card_already_inside_another_node_is_copied_into_the_invoke_response()
    {
        var card = AdaptiveCards.ForPrompt(CardSamples.Prompt("Pick", ("A", "a")));
        _ = new JsonObject { ["card"] = card };

        var response = AdaptiveCards.InvokeResponse(card);

        Assert.True(JsonNode.DeepEquals(card, response["value"]));
        Assert.Equal(
            """{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}""",
            JsonSerializer.Serialize(AdaptiveCards.ToAttachment(new JsonObject { ["type"] = "AdaptiveCard" }), ActivityJson.Options));
    }
}
