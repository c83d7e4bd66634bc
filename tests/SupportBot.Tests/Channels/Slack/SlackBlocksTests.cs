using System.Text.Json.Nodes;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Slack;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackBlocksTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 14, 5, 0, TimeSpan.Zero);

    internal static Escalation Sample(EscalationStatus status = EscalationStatus.Open) => new()
    {
        Id = 42,
        PlaybookId = "chargeback-threat",
        Category = "Chargeback threat",
        Urgency = "high",
        Route = "escalation-lead",
        Customer = "Ada <ada@example.com> & Co",
        Summary = "Customer says <!channel> they will file a chargeback",
        Reason = "Threat of a chargeback",
        Tried = ["Offered a refund", "Checked the order <#C123>"],
        Asks = ["Approve a goodwill credit"],
        Note = "Order 1234 > shipped\n```rm -rf```\n& more",
        Status = status,
        Assignee = "lead-1",
        CreatedAt = At,
        Version = 3,
        Audit = [new(At, "agent-7", "escalated"), new(At.AddMinutes(1), "lead-1", "was asked"), new(At.AddMinutes(2), "system", "reminded", "after 10 min")],
    };

    private static IEnumerable<JsonObject> Buttons(JsonArray blocks) =>
        blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject());

    public static TheoryData<EscalationStatus> Statuses => [.. Enum.GetValues<EscalationStatus>()];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_block_is_valid_block_kit_within_slacks_limits(EscalationStatus status)
    {
        var blocks = SlackBlocks.ForEscalation(Sample(status));

        foreach (var block in blocks)
        {
            var errors = SlackSchemas.BlockErrors(block!);
            Assert.True(errors.Count == 0, $"{block!.ToJsonString()}\n{string.Join("\n", errors)}");
        }

        Assert.Empty(SlackSchemas.LimitProblems(blocks));
    }

    [Fact]
    public void The_block_schema_rejects_what_slack_would_reject()
    {
        var unknownProperty = new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "x" }, ["colour"] = "red" };
        Assert.NotEmpty(SlackSchemas.BlockErrors(unknownProperty));

        var buttonWithoutText = new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray { new JsonObject { ["type"] = "button", ["action_id"] = "a" } },
        };
        Assert.NotEmpty(SlackSchemas.BlockErrors(buttonWithoutText));

        var markdownHeader = new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "x" } };
        Assert.NotEmpty(SlackSchemas.BlockErrors(markdownHeader));
    }

    [Fact]
    public void The_message_shows_header_fields_story_note_and_audit()
    {
        var blocks = SlackBlocks.ForEscalation(Sample());
        var json = blocks.ToJsonString();

        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        var header = blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("#42 Chargeback threat", header, StringComparison.Ordinal);
        Assert.Contains("HIGH", header, StringComparison.Ordinal);

        var fields = blocks[1]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["*Status*\nOpen", "*Route*\nescalation-lead", "*Assignee*\nlead-1", "*Customer*\nAda &lt;ada@example.com&gt; &amp; Co"], fields);

        var texts = blocks.Where(b => b!["type"]!.GetValue<string>() == "section" && b["text"] is not null)
            .Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(texts, t => t.StartsWith("*What happened*\n", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("*Already tried*\n• Offered a refund\n• Checked the order &lt;#C123&gt;", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("*Asked of the lead*\n• Approve a goodwill credit", StringComparison.Ordinal));
        var note = Assert.Single(texts, t => t.StartsWith("*Ticket note*\n```\n", StringComparison.Ordinal));
        Assert.EndsWith("\n```", note, StringComparison.Ordinal);
        Assert.Equal(2, note.Split("```").Length - 1); // the note's own fence cannot close the code block early

        var context = blocks.Single(b => b!["type"]!.GetValue<string>() == "context")!["elements"]!.AsArray();
        Assert.Equal(3, context.Count);
        Assert.Contains("system reminded: after 10 min", context[2]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_people_is_escaped_everywhere()
    {
        var e = Sample();
        e.Category = "A <b> & c";
        e.Assignee = "<@U999>";
        e.Decision = "<https://evil.example|click>";
        e.PendingQuestion = "What about <!here>?";
        e.Audit.Add(new(At.AddMinutes(3), "<@U1>", "said", "<!everyone>"));

        foreach (var text in AllTexts(SlackBlocks.ForEscalation(e)).Append(SlackBlocks.FallbackText(e)))
        {
            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text);
        }
    }

    [Fact]
    public void Each_allowed_lead_action_gets_one_button_following_the_shared_convention()
    {
        var buttons = Buttons(SlackBlocks.ForEscalation(Sample())).ToList();
        var expected = EscalationTransitions.Allowed(EscalationStatus.Open).ToList();

        Assert.Equal(expected.Select(a => $"escalation:42:{a}"), buttons.Select(b => b["action_id"]!.GetValue<string>()));
        Assert.Contains("escalation:42:Acknowledge", buttons.Select(b => b["action_id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("42", b["value"]!.GetValue<string>()));
        Assert.True(buttons.Count(b => b["style"]?.GetValue<string>() == "primary") <= 1);
        foreach (var button in buttons)
        {
            Assert.True(SlackBlocks.TryParseActionId(button["action_id"]!.GetValue<string>(), out var id, out var action));
            Assert.Equal(42, id);
            Assert.Contains(action, expected);
        }
    }

    [Fact]
    public void A_closed_escalation_has_no_buttons()
    {
        var blocks = SlackBlocks.ForEscalation(Sample(EscalationStatus.Resolved));
        Assert.Empty(Buttons(blocks));
        Assert.Contains("resolved", blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("escalation:42:TakeOver", true)]
    [InlineData("escalation:42:1", false)]
    [InlineData("escalation:x:Acknowledge", false)]
    [InlineData("escalation:42:Nope", false)]
    [InlineData("supportbot_choice_0", false)]
    public void Action_ids_parse_back(string actionId, bool valid) =>
        Assert.Equal(valid, SlackBlocks.TryParseActionId(actionId, out _, out _));

    [Fact]
    public void Huge_input_is_cut_visibly_to_every_limit()
    {
        var e = Sample();
        e.Category = new string('c', 400);
        e.Customer = new string('&', 3000);
        e.Summary = string.Concat(Enumerable.Repeat("<x> ", 2000));
        e.Tried = [.. Enumerable.Repeat(new string('t', 500), 20)];
        e.Asks = [new string('a', 5000)];
        e.Note = string.Concat(Enumerable.Repeat("line & more\n", 1000));
        e.Audit = [.. Enumerable.Range(0, 40).Select(i => new AuditEntry(At, new string('w', 2000), "did", new string('d', 2000)))];

        var blocks = SlackBlocks.ForEscalation(e);
        Assert.Empty(SlackSchemas.LimitProblems(blocks));
        foreach (var block in blocks)
        {
            Assert.Empty(SlackSchemas.BlockErrors(block!));
        }

        var note = AllTexts(blocks).Single(t => t.StartsWith("*Ticket note*", StringComparison.Ordinal));
        Assert.InRange(note.Length, SlackBlocks.MaxSectionText - 20, SlackBlocks.MaxSectionText);
        Assert.Contains("… (note truncated)\n```", note, StringComparison.Ordinal);
        Assert.EndsWith("…", blocks[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var text in AllTexts(blocks))
        {
            Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text); // no entity was cut in half
        }

        Assert.True(SlackBlocks.FallbackText(e).Length <= SlackBlocks.MaxFallbackText);
    }

    [Theory]
    [InlineData("abc&amp;def", 6, "abc…")]
    [InlineData("abc&amp;def", 9, "abc&amp;…")]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abcde…")]
    public void Fit_never_splits_an_entity(string escaped, int max, string expected) =>
        Assert.Equal(expected, SlackBlocks.Fit(escaped, max));

    private static IEnumerable<string> AllTexts(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is "mrkdwn" or "plain_text" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : AllTexts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : AllTexts(n)),
        _ => [],
    };
}
