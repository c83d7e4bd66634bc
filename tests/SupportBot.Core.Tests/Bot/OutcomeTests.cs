using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.State;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Bot;

public class OutcomeTests
{
    private static readonly DispositionCatalog Dispositions = new(
    [
        new Disposition("Tech Support", "Device Check", "The agent checked a device with the customer."),
        new Disposition("Tech Support", "Safety", "Someone was hurt by a device."),
        new Disposition("Billing", "Update Payment Method", "The customer updates their card details."),
    ]);

    private const string ChargebackTest = """
        id: chargeback-test
        title: Chargeback threat
        summary: Chargeback threat.
        interrupt: true
        triggers:
          keywords: ["dispute the charge", "chargeback"]
        steps:
          - id: bank
            ask: text
            field: bank_detail
            prompt: What did the customer say about their bank?
            help: The lead needs the exact threat.
        outcomes:
          default:
            title: Chargeback threat logged
            actions: [Tell the escalation lead.]
            note:
              reason: Customer threatened a chargeback.
              resolution: [Logged.]
            disposition: { category: Billing, name: Chargeback }
            escalation: { route: escalation-lead, urgency: high }
        """;

    private static async Task<TestFlow> FinishedDeviceCheck(BotHarness harness)
    {
        var flow = harness.Flow();
        foreach (var answer in new[] { "device check", "requested", "Beta Two", "2", "no", "unit rattles" })
        {
            await flow.SendAsync(answer);
        }

        return flow;
    }

    [Fact]
    public async Task Outcome_ListsActionsNoteAndDisposition_FilledFromTheAnswers()
    {
        var harness = new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), dispositions: Dispositions);
        var flow = await FinishedDeviceCheck(harness);

        flow.AssertReplyEventually("Device checked");
        var outcome = (await harness.Transcripts.GetAsync("test/test-conversation", default))
            .Last(e => e.Activity.Attachments is not null).Activity;
        Assert.Contains("1. Ship 2 x Beta Two.", outcome.Text);
        Assert.Contains("Reason: Device check, model Beta Two.", outcome.Text);
        Assert.Contains("- Photos requested from the customer.", outcome.Text);
        Assert.Contains("Tech Support > Device Check", outcome.Text);
    }

    [Fact]
    public async Task Disposition_SuggestedFirstCanBeConfirmedWithOneClick_AndIsRemembered()
    {
        var harness = new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), dispositions: Dispositions);
        var flow = await FinishedDeviceCheck(harness);
        flow.AssertReplyEventually("Suggested disposition: **Tech Support > Device Check** (90% sure)");

        await flow.SendAsync("Device Check");

        flow.AssertReply("Disposition recorded: **Tech Support > Device Check**");
        var history = (await ConversationValuesAsync(harness))[TriageBot.DispositionsKey]!.AsArray();
        var record = Assert.Single(history)!;
        Assert.Equal("Tech Support > Device Check", record["suggested"]!.GetValue<string>());
        Assert.Equal(0.9, record["confidence"]!.GetValue<double>());
        Assert.Equal("Tech Support > Device Check", record["chosen"]!.GetValue<string>());
    }

    [Fact]
    public async Task Disposition_CanBeSkipped()
    {
        var harness = new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), dispositions: Dispositions);
        var flow = (await FinishedDeviceCheck(harness)).DrainReplies();

        (await flow.SendAsync("skip")).AssertReply("No disposition recorded");
        Assert.Null((await ConversationValuesAsync(harness))[TriageBot.DispositionsKey]![0]!["chosen"]);
    }

    [Fact]
    public async Task EscalationSituation_MidPlaybook_IsOfferedAndThePlaybookResumesAtTheSameStep()
    {
        var escalation = ChargebackTest;
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck, escalation);
        var flow = await harness.Flow().SendAsync("device check").SendAsync("requested").DrainReplies();

        (await flow.SendAsync("cx now says she will dispute the charge with her bank")).AssertReply("That sounds like **Chargeback threat**");
        (await flow.SendAsync("yes")).AssertReplyEventually("What did the customer say about their bank?");
        await flow.SendAsync("calling her bank tomorrow");

        flow.AssertReplyEventually("Chargeback threat logged").AssertReplyEventually("Which model?");
        (await flow.SendAsync("Gamma Max")).AssertReply("How many units?");
    }

    [Fact]
    public async Task EscalationSituation_Declined_ReturnsToTheSameStep()
    {
        var escalation = ChargebackTest;
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck, escalation);
        var flow = await harness.Flow().SendAsync("device check").SendAsync("requested").DrainReplies();

        (await flow.SendAsync("she wants to dispute the charge")).AssertReply("That sounds like");
        (await flow.SendAsync("no")).AssertReply("carrying on").AssertReply("Which model?");
    }

    private static async Task<JsonObject> ConversationValuesAsync(BotHarness harness)
    {
        var key = ConversationStateMiddleware.StorageKeyFor("test/test-conversation");
        var item = (await harness.Storage.ReadAsync([key], default))[key];
        return System.Text.Json.JsonSerializer.Deserialize<ConversationData>(item.Json, ActivityJson.Options)!.Values;
    }

    [Fact]
    public async Task ClearAnswerToAChoice_IsNeverTakenForAnEscalation()
    {
        var flow = BotHarness.FromRepository().Flow();
        foreach (var answer in new[] { "cx kept cussing me out, had to end the call", "he swore at me repeatedly and would not stop", "no", "billing question", "ticket 100234" })
        {
            await flow.SendAsync(answer);
        }

        flow.DrainReplies();
        await flow.SendAsync("Someone else");

        flow.AssertReply(r => Assert.DoesNotContain("That sounds like", r.Text, StringComparison.Ordinal));
    }
}
