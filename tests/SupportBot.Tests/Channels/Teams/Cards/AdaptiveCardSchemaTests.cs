using System.Text.Json.Nodes;

namespace SupportBot.Tests.Channels.Teams.Cards;

/// <summary>The validator itself: it must load the 1.5 schema and actually reject broken cards.</summary>
public sealed class AdaptiveCardSchemaTests
{
    [Fact]
    public void The_spec_example_card_is_valid()
    {
        var card = JsonNode.Parse("""
            {"type": "AdaptiveCard", "version": "1.5",
             "body": [{"type": "TextBlock", "text": "Pick an environment", "wrap": true},
                      {"type": "Input.ChoiceSet", "id": "env", "style": "compact", "value": "staging",
                       "choices": [{"title": "Staging", "value": "staging"}, {"title": "Production", "value": "prod"}]}],
             "actions": [{"type": "Action.Submit", "title": "Deploy", "data": {"cmd": "deploy"}}]}
            """)!.AsObject();

        AdaptiveCardSchema.AssertValid(card);
    }

    [Theory]
    [InlineData("unknown card property", """{"type": "AdaptiveCard", "version": "1.5", "body": [], "unknown": true}""")]
    [InlineData("wrong type for wrap", """{"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "x", "wrap": "yes"}]}""")]
    [InlineData("unknown TextBlock property", """{"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "x", "colour": "attention"}]}""")]
    [InlineData("unknown element type", """{"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "NoSuchElement"}]}""")]
    [InlineData("fact without value", """{"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "FactSet", "facts": [{"title": "a"}]}]}""")]
    [InlineData("input without id", """{"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "Input.Text"}]}""")]
    [InlineData("unknown Action.Execute property", """{"type": "AdaptiveCard", "version": "1.5", "actions": [{"type": "Action.Execute", "verb": "x", "foo": 1}]}""")]
    [InlineData("fallback data of the wrong type", """{"type": "AdaptiveCard", "version": "1.5", "actions": [{"type": "Action.Execute", "verb": "x", "fallback": {"type": "Action.Submit", "data": 5}}]}""")]
    [InlineData("unknown msteams key", """{"type": "AdaptiveCard", "version": "1.5", "msteams": {"width": "Full", "entities": []}}""")]
    public void Broken_cards_are_rejected(string problem, string json)
    {
        var card = JsonNode.Parse(json)!.AsObject();

        Assert.True(AdaptiveCardSchema.Errors(card).Count > 0, "Not rejected: " + problem);
    }

    [Fact]
    public void The_card_level_msteams_extension_is_allowed_only_with_width_full()
    {
        var card = JsonNode.Parse("""{"type": "AdaptiveCard", "version": "1.5", "body": [], "msteams": {"width": "Full"}}""")!.AsObject();

        Assert.Empty(AdaptiveCardSchema.Errors(card));
        card["msteams"] = new JsonObject { ["width"] = "Half" };
        Assert.NotEmpty(AdaptiveCardSchema.Errors(card));
    }
}
