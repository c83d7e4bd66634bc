using SupportBot.Escalations;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Escalations;

public class EscalationFromDialogTests
{
    private const string Tier2Case = """
        id: tier2-case
        title: Tier 2 case
        summary: Tier 2 case.
        triggers:
          keywords: ["tier 2 case"]
        steps:
          - id: pre-sales
            ask: confirm
            field: pre_sales
            prompt: Is this a pre-sales question?
            help: Pre-sales cases may go without product details.
          - id: issue
            ask: text
            field: issue_description
            prompt: Describe the issue.
            help: Tier 2 needs a description.
          - id: serial
            ask: text
            field: serial_number
            prompt: Serial number, or skip?
            help: Tier 2 needs the serial.
            max_attempts: 1
        outcomes:
          default:
            title: Escalated to Tier 2
            actions: [Tell the customer Tier 2 will call back.]
            note:
              reason: "{{issue_description}}"
              resolution: ["Serial {{serial_number}}."]
            disposition: { category: Tech Support, name: Escalated }
            escalation:
              route: tier2-engineering
              urgency: normal
              requires: [serial_number, issue_description]
              unless: { field: pre_sales, equals: true }
        """;

    [Fact]
    public async Task OutcomeWithAnEscalation_CreatesItOnItsRoute_WithTheCollectedFacts()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        foreach (var answer in new[] { "device check", "requested", "Beta Two", "2", "yes" })
        {
            await harness.Flow().SendAsync(answer);
        }

        var escalation = Assert.Single(await harness.Escalations.ListAsync(includeClosed: true, default));
        Assert.Equal(("escalation-lead", "urgent", "lead-1"), (escalation.Route, escalation.Urgency, escalation.Assignee));
        Assert.Equal("beta-two", escalation.Facts["model"]!.GetValue<string>());
        Assert.Contains("Injury with Beta Two", escalation.Note);
        Assert.Equal(("test", "test-conversation"), (escalation.Conversation.ChannelId, escalation.Conversation.ConversationId));
    }

    [Fact]
    public async Task MissingRequiredField_IsAskedForBeforeTheEscalationIsSent()
    {
        var harness = BotHarness.FromYaml(Tier2Case);
        var flow = harness.Flow();
        await flow.SendAsync("tier 2 case");
        await flow.SendAsync("no");
        await flow.SendAsync("nvr reboots every hour");
        flow.DrainReplies();

        await flow.SendAsync(new Activities.Activity { Text = "" }); // the serial step gives up: not collected

        flow.AssertReplyEventually("Before this can go to **tier2-engineering**, I need the **serial number**");
        Assert.Empty(await harness.Escalations.ListAsync(true, default));
        await flow.SendAsync("SN7J04A2BPAZ12345");
        Assert.Single(await harness.Escalations.ListAsync(true, default));
    }

    [Fact]
    public async Task PreSalesCase_IsSentWithoutTheProductFields()
    {
        var harness = BotHarness.FromYaml(Tier2Case);
        var flow = harness.Flow();
        await flow.SendAsync("tier 2 case");
        await flow.SendAsync("yes");
        await flow.SendAsync("which NVR supports 16 cameras");
        await flow.SendAsync(new Activities.Activity { Text = "" });

        Assert.Single(await harness.Escalations.ListAsync(true, default));
    }

    [Fact]
    public async Task Lead_CanActFromChat_AndSeeTheirEscalations()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        foreach (var answer in new[] { "device check", "requested", "Beta Two", "2", "yes" })
        {
            await harness.Flow().SendAsync(answer);
        }

        var lead = harness.Flow("lead-chat").DrainReplies();
        await lead.SendAsync(new Activities.Activity { Text = "my escalations", From = new Activities.ChannelAccount { Id = "lead-1", Name = "Lead" } });
        lead.AssertReply("#1 Device check");
        await lead.SendAsync(new Activities.Activity { Text = "ack 1", From = new Activities.ChannelAccount { Id = "lead-1", Name = "Lead" } });
        lead.AssertReply("acknowledged by lead-1");
        await lead.SendAsync(new Activities.Activity { Text = "take over 1", From = new Activities.ChannelAccount { Id = "someone-else" } });
        lead.AssertReply("Sorry, only members of the escalation-lead route");

        Assert.Equal(EscalationStatus.Acknowledged, (await harness.Escalations.GetAsync(1, default))!.Status);
    }
}
