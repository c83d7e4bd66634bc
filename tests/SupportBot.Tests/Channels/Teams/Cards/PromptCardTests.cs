using System.Text.Json.Nodes;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Tests.Channels.Teams.Cards;

public sealed class PromptCardTests
{
    [Fact]
    public void A_two_choice_prompt_is_a_valid_card_with_messageBack_buttons()
    {
        var reply = CardSamples.Prompt("Does the customer have the camera with them **right now**?", ("Yes", "yes"), ("No", "no"));

        var card = AdaptiveCards.ForPrompt(reply);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var text = Assert.Single(CardQuery.TextBlocks(card));
        Assert.Equal("Does the customer have the camera with them **right now**?", text["text"]!.GetValue<string>());
        Assert.True(text["wrap"]!.GetValue<bool>());

        var actions = card["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"type": "Action.Submit", "title": "Yes",
                 "data": {"msteams": {"type": "messageBack", "text": "yes", "displayText": "Yes"}, "text": "yes"}}
                """),
            actions[0]), actions[0]!.ToJsonString());
        Assert.Equal("no", actions[1]!["data"]!["msteams"]!["text"]!.GetValue<string>());
        Assert.Equal("no", actions[1]!["data"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_eight_choice_prompt_keeps_every_choice_visible_in_rows()
    {
        var choices = Enumerable.Range(1, 8).Select(i => ($"Playbook {i}: a long title", $"playbook-{i}")).ToArray();
        var reply = CardSamples.Prompt("Which playbook fits?", choices);

        var card = AdaptiveCards.ForPrompt(reply);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Null(card["actions"]);
        var sets = CardQuery.Elements(card).Where(e => CardQuery.Type(e) == "ActionSet").ToList();
        Assert.Equal(3, sets.Count);
        Assert.All(sets, s => Assert.InRange(s["actions"]!.AsArray().Count, 1, 3));
        var actions = CardQuery.Actions(card);
        Assert.Equal(choices.Select(c => c.Item2), actions.Select(a => a["data"]!["text"]!.GetValue<string>()));
        Assert.Equal(choices.Select(c => c.Item1), actions.Select(a => a["data"]!["msteams"]!["displayText"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", CardQuery.Type(a)));
        Assert.All(actions, a => Assert.Equal("messageBack", a["data"]!["msteams"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void A_six_choice_prompt_stays_in_the_action_bar()
    {
        var choices = Enumerable.Range(1, 6).Select(i => ($"Option {i}", $"{i}")).ToArray();

        var card = AdaptiveCards.ForPrompt(CardSamples.Prompt("Pick one", choices));

        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal(6, card["actions"]!.AsArray().Count);
    }

    [Fact]
    public void Markdown_is_reduced_to_what_a_TextBlock_renders()
    {
        var reply = CardSamples.Prompt(
            "## Next step\nSorry, that doesn't fit this step. Answer *yes* or __no__.\n\n* first\n* second\n```\ncode line\n```\nUse `reset` now.",
            ("Yes", "yes"));

        var text = CardQuery.Texts(AdaptiveCards.ForPrompt(reply)).Single();

        Assert.Equal(
            "**Next step**\n\nSorry, that doesn't fit this step. Answer _yes_ or **no**.\n\n- first\n- second\n\ncode line\n\nUse reset now.",
            text);
    }

    [Fact]
    public void Characters_that_need_escaping_stay_valid_and_unchanged()
    {
        const string tricky = "Is it <b>\"bold\"</b> & 'quoted' \\ or {{braces}} \u00e9\u4e2d\ud83d\ude00?";
        var reply = CardSamples.Prompt(tricky, ("<yes> & \"sure\"", "a&b<c>\"d\""), ("'no'", "\\n"));

        var card = AdaptiveCards.ForPrompt(reply);

        AdaptiveCardSchema.AssertValid(card);
        var json = card.ToJsonString();
        var reparsed = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(tricky, CardQuery.Texts(reparsed).Single());
        var first = CardQuery.Actions(reparsed)[0];
        Assert.Equal("<yes> & \"sure\"", first["title"]!.GetValue<string>());
        Assert.Equal("a&b<c>\"d\"", first["data"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_choice_without_a_value_sends_its_title()
    {
        var reply = CardSamples.Prompt("Continue?");
        reply.SuggestedActions!.Actions.Add(new SupportBot.Activities.CardAction { Title = "Continue" });

        var action = CardQuery.Actions(AdaptiveCards.ForPrompt(reply)).Single();

        Assert.Equal("Continue", action["data"]!["text"]!.GetValue<string>());
    }
}
