using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Tests.Channels.Teams.Cards;

public sealed class OutcomeCardTests
{
    [Fact]
    public void An_outcome_without_escalation_is_a_valid_card()
    {
        var view = CardSamples.Outcome(escalate: false);

        var card = AdaptiveCards.ForOutcome(view);

        AdaptiveCardSchema.AssertValid(card);
        var texts = CardQuery.Texts(card);
        Assert.Equal(view.Title, texts[0]);
        Assert.Equal("bolder", CardQuery.TextBlocks(card)[0]["weight"]!.GetValue<string>());
        Assert.DoesNotContain(texts, t => t.Contains("Escalate", StringComparison.Ordinal));
        Assert.Contains(("Suggested disposition", "Hardware > Warranty replacement"), CardQuery.Facts(card));
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void The_actions_are_numbered_in_order()
    {
        var view = CardSamples.Outcome(escalate: false);

        var card = AdaptiveCards.ForOutcome(view);

        var rows = CardQuery.Elements(card).Where(e => CardQuery.Type(e) == "ColumnSet").ToList();
        Assert.Equal(view.Actions.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var columns = rows[i]["columns"]!.AsArray();
            Assert.Equal($"{i + 1}.", columns[0]!["items"]![0]!["text"]!.GetValue<string>());
            Assert.Equal(view.Actions[i], columns[1]!["items"]![0]!["text"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_note_is_a_monospace_block_that_reads_as_the_plain_text_note()
    {
        var view = CardSamples.Outcome(escalate: false);

        var card = AdaptiveCards.ForOutcome(view);

        var mono = CardQuery.TextBlocks(card).Where(t => t["fontType"]?.GetValue<string>() == "monospace").ToList();
        Assert.Equal(view.Note.ToPlainText().Split('\n'), mono.Select(t => t["text"]!.GetValue<string>()));
        Assert.All(mono, t => Assert.True(t["wrap"]!.GetValue<bool>()));
    }

    [Fact]
    public void An_urgent_escalation_shows_route_and_urgency_in_the_attention_colour()
    {
        var view = CardSamples.Outcome(escalate: true, urgency: "urgent");

        var card = AdaptiveCards.ForOutcome(view);

        AdaptiveCardSchema.AssertValid(card);
        var escalate = CardQuery.TextBlocks(card).Single(t => t["text"]!.GetValue<string>().Contains("Escalate", StringComparison.Ordinal));
        Assert.Equal("**Escalate to escalation-lead** (urgent)", escalate["text"]!.GetValue<string>());
        Assert.Equal("attention", escalate["color"]!.GetValue<string>());
        Assert.Contains(view.EscalationReason!, CardQuery.Texts(card));
    }

    [Fact]
    public void A_normal_escalation_has_no_alarm_colour()
    {
        var card = AdaptiveCards.ForOutcome(CardSamples.Outcome(escalate: true, urgency: "normal"));

        AdaptiveCardSchema.AssertValid(card);
        var escalate = CardQuery.TextBlocks(card).Single(t => t["text"]!.GetValue<string>().Contains("Escalate", StringComparison.Ordinal));
        Assert.Null(escalate["color"]);
    }

    [Fact]
    public void Outcome_text_with_markup_characters_stays_valid()
    {
        var view = CardSamples.Outcome(escalate: true);
        view.Title = "Refund <$30 & \"goodwill\" credit";
        view.Note.Reason = "Customer said \"it's <broken>\" & wants a refund";
        view.Actions.Add("Check `device` > settings & reset \\ restart");

        var card = AdaptiveCards.ForOutcome(view);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("Reason: Customer said \"it's <broken>\" & wants a refund", CardQuery.Texts(card));
    }

    [Fact]
    public void The_card_asks_Teams_for_the_full_width()
    {
        var card = AdaptiveCards.ForOutcome(CardSamples.Outcome(escalate: false));

        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
    }
}
