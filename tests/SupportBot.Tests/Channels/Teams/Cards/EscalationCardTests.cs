using System.Text.Json.Nodes;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Tests.Channels.Teams.Cards;

public sealed class EscalationCardTests
{
    private static readonly DateTimeOffset Now = CardSamples.Created.AddHours(2).AddMinutes(5);

    public static TheoryData<EscalationStatus> AllStatuses() =>
    [
        EscalationStatus.Open,
        EscalationStatus.Acknowledged,
        EscalationStatus.TakenOver,
        EscalationStatus.Resolved,
        EscalationStatus.ReturnedToAgent,
        EscalationStatus.Expired,
    ];

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void The_card_is_valid_in_every_status(EscalationStatus status)
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(status), Now);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains(CardQuery.Texts(card), t => t.Contains(EscalationService.Describe(status), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void The_buttons_are_exactly_the_actions_allowed_in_the_status(EscalationStatus status)
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(status), Now);

        var verbs = CardQuery.Actions(card).Select(a => a["verb"]!.GetValue<string>()).Order().ToList();
        var allowed = EscalationTransitions.Allowed(status).Select(a => a.ToString()).Order().ToList();
        Assert.Equal(allowed, verbs);
    }

    [Theory]
    [InlineData(EscalationStatus.Resolved)]
    [InlineData(EscalationStatus.ReturnedToAgent)]
    [InlineData(EscalationStatus.Expired)]
    public void A_closed_escalation_has_no_actions_and_no_input(EscalationStatus status)
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(status), Now);

        Assert.Null(card["actions"]);
        Assert.Empty(CardQuery.Actions(card));
        Assert.DoesNotContain(CardQuery.Elements(card), e => CardQuery.Type(e)!.StartsWith("Input.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_open_escalation_has_one_Action_Execute_per_allowed_action_each_with_an_Action_Submit_fallback()
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(EscalationStatus.Open), Now);

        var actions = card["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(
            ["Acknowledge", "TakeOver", "Approve", "Decline", "NeedMoreInfo", "ReturnToAgent"],
            actions.Select(a => a["verb"]!.GetValue<string>()));
        foreach (var action in actions)
        {
            Assert.Equal("Action.Execute", CardQuery.Type(action));
            var verb = action["verb"]!.GetValue<string>();
            var expectedData = JsonNode.Parse($$"""{"escalationId": 42, "action": "{{verb}}"}""");
            Assert.True(JsonNode.DeepEquals(expectedData, action["data"]), action.ToJsonString());

            var fallback = action["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", CardQuery.Type(fallback));
            Assert.Equal(action["title"]!.GetValue<string>(), fallback["title"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(expectedData, fallback["data"]), fallback.ToJsonString());
        }

        Assert.Equal("Acknowledge", actions[0]["title"]!.GetValue<string>());
        Assert.Equal("positive", actions.Single(a => a["verb"]!.GetValue<string>() == "Approve")["style"]!.GetValue<string>());
        Assert.Equal("destructive", actions.Single(a => a["verb"]!.GetValue<string>() == "Decline")["style"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(EscalationStatus.Open)]
    [InlineData(EscalationStatus.Acknowledged)]
    [InlineData(EscalationStatus.TakenOver)]
    public void A_text_input_lets_the_lead_type_a_question_or_reason(EscalationStatus status)
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(status), Now);

        var input = Assert.Single(CardQuery.Elements(card), e => CardQuery.Type(e) == "Input.Text");
        Assert.Equal("text", input["id"]!.GetValue<string>());
        Assert.True(input["isMultiline"]!.GetValue<bool>());
    }

    [Fact]
    public void The_card_shows_what_the_lead_needs_at_a_glance()
    {
        var e = CardSamples.Escalation(EscalationStatus.Open, urgency: "urgent");

        var card = AdaptiveCards.ForEscalation(e, Now);

        var texts = CardQuery.Texts(card);
        Assert.Equal("Escalation #42: Chargeback threat", texts[0]);
        var urgency = CardQuery.TextBlocks(card)[1];
        Assert.Equal("**URGENT** · Open", urgency["text"]!.GetValue<string>());
        Assert.Equal("attention", urgency["color"]!.GetValue<string>());
        Assert.Equal("attention", card["body"]![0]!["style"]!.GetValue<string>());
        Assert.Contains(e.Summary, texts);
        Assert.Contains("- Checked billing history\n- Offered a callback", texts);
        Assert.Contains("- Approve a refund of $29.99", texts);

        var facts = CardQuery.Facts(card);
        Assert.Contains(("Route", "escalation-lead"), facts);
        Assert.Contains(("Assignee", "lead-anna"), facts);
        Assert.Contains(("Customer", "Account holder (Jane D.)"), facts);
        Assert.Contains(("Created", "2025-01-10 09:30 UTC"), facts);
        Assert.Contains(("Age", "2 h 5 min"), facts);

        var note = CardQuery.TextBlocks(card).Where(t => t["fontType"]?.GetValue<string>() == "monospace").Select(t => t["text"]!.GetValue<string>());
        Assert.Equal(e.Note.Split('\n'), note);
    }

    [Fact]
    public void Normal_urgency_is_not_shown_in_an_alarm_colour()
    {
        var card = AdaptiveCards.ForEscalation(CardSamples.Escalation(EscalationStatus.Open, urgency: "normal"), Now);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Null(CardQuery.TextBlocks(card)[1]["color"]);
        Assert.Equal("emphasis", card["body"]![0]!["style"]!.GetValue<string>());
    }

    [Fact]
    public void Rendering_the_updated_escalation_shows_who_did_what_and_when()
    {
        var e = CardSamples.Escalation(EscalationStatus.Open);
        var before = AdaptiveCards.ForEscalation(e, Now);

        // What EscalationService.ActAsync does for an acknowledgement.
        e.Status = EscalationTransitions.Next(e.Status, LeadAction.Acknowledge)!.Value;
        e.Assignee = "lead-bob";
        e.Audit.Add(new AuditEntry(Now, "lead-bob", "acknowledged", "looking at it"));
        var after = AdaptiveCards.ForEscalation(e, Now.AddMinutes(1));

        AdaptiveCardSchema.AssertValid(after);
        Assert.DoesNotContain("lead-bob acknowledged: looking at it (2025-01-10 11:35 UTC)", CardQuery.Texts(before));
        Assert.Contains("lead-bob acknowledged: looking at it (2025-01-10 11:35 UTC)", CardQuery.Texts(after));
        Assert.Contains(("2025-01-10 11:35 UTC", "lead-bob acknowledged: looking at it"), CardQuery.Facts(after));
        Assert.Contains(("Assignee", "lead-bob"), CardQuery.Facts(after));
        Assert.Equal("**URGENT** · Acknowledged", CardQuery.Texts(after)[1]);
        Assert.DoesNotContain("Acknowledge", CardQuery.Actions(after).Select(a => a["verb"]!.GetValue<string>()));
        Assert.Contains("Resolve", CardQuery.Actions(after).Select(a => a["verb"]!.GetValue<string>()));
    }

    [Fact]
    public void The_history_shows_only_the_latest_entries()
    {
        var e = CardSamples.Escalation(EscalationStatus.Open);
        for (var i = 0; i < 10; i++)
        {
            e.Audit.Add(new AuditEntry(CardSamples.Created.AddMinutes(i + 1), "supportbot", "reminded", $"step {i}"));
        }

        var card = AdaptiveCards.ForEscalation(e, Now);

        var history = CardQuery.Facts(card).Where(f => f.Title.EndsWith("UTC", StringComparison.Ordinal) && f.Title != "2025-01-10 09:30 UTC").ToList();
        Assert.Equal(5, history.Count);
        Assert.Equal("supportbot reminded: step 9", history[^1].Value);
    }

    [Fact]
    public void A_pending_question_and_a_decision_are_shown()
    {
        var e = CardSamples.Escalation(EscalationStatus.TakenOver);
        e.PendingQuestion = "Which firmware?";
        e.Decision = "declined";

        var card = AdaptiveCards.ForEscalation(e, Now);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("**Waiting for the agent:** Which firmware?", CardQuery.Texts(card));
        Assert.Contains(("Decision", "declined"), CardQuery.Facts(card));
    }

    [Fact]
    public void Escalation_text_with_markup_characters_stays_valid()
    {
        var e = CardSamples.Escalation(EscalationStatus.Open);
        e.Category = "Refund <$30> & \"goodwill\"";
        e.Customer = "O'Brien & Sons <sales@example.com>";
        e.Summary = "Said: \"this is <unacceptable>\" & hung up; path C:\\temp";
        e.Tried = ["Tried {{DATE()}} & <reset>"];
        e.Note = "Customer: O'Brien & Sons\nReason: \"<broken>\"";
        e.Audit.Add(new AuditEntry(Now, "lead <x>", "asked", "\"why\" & <how>?"));

        var card = AdaptiveCards.ForEscalation(e, Now);

        AdaptiveCardSchema.AssertValid(card);
        var reparsed = JsonNode.Parse(card.ToJsonString())!.AsObject();
        Assert.Contains(e.Summary, CardQuery.Texts(reparsed));
        Assert.Equal("Escalation #42: Refund <$30> & \"goodwill\"", CardQuery.Texts(reparsed)[0]);
    }

    [Fact]
    public void An_escalation_without_optional_parts_is_still_valid()
    {
        var e = new Escalation { Id = 7, Category = "", Urgency = "", Route = "r", CreatedAt = Now, Summary = "" };

        var card = AdaptiveCards.ForEscalation(e, Now);

        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains(("Age", "just now"), CardQuery.Facts(card));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 min")]
    [InlineData(59 * 60, "59 min")]
    [InlineData(3600, "1 h")]
    [InlineData(3600 + 5 * 60, "1 h 5 min")]
    [InlineData(86400, "1 d")]
    [InlineData(2 * 86400 + 4 * 3600 + 59, "2 d 4 h")]
    public void Ages_read_in_their_two_largest_units(int seconds, string expected)
    {
        Assert.Equal(expected, AdaptiveCards.Age(TimeSpan.FromSeconds(seconds)));
    }
}
