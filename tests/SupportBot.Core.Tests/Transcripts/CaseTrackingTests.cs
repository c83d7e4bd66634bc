using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Transcripts;

/// <summary>How real conversations through the whole pipeline are recorded as cases.</summary>
public class CaseTrackingTests
{
    private const string ConversationKey = "test/test-conversation";

    private static readonly DispositionCatalog Dispositions = new(
    [
        new Disposition("Tech Support", "Device Check", "The agent checked a device with the customer."),
        new Disposition("Tech Support", "Safety", "Someone was hurt by a device."),
    ]);

    private const string QuickNote = """
        id: quick-note
        title: Quick note
        summary: A one-line note.
        triggers:
          keywords: [quick note]
        steps:
          - id: note
            ask: text
            field: note
            prompt: What should the note say?
            help: One line is enough.
        outcomes:
          default:
            title: Note taken
            actions: [Paste the note.]
            note:
              reason: "{{note}}"
              resolution: [Noted.]
            disposition: { category: Tech Support, name: Device Check }
        """;

    private static readonly string[] DeviceCheckAnswers = ["device check", "requested", "Beta Two", "2", "no", "unit rattles"];

    private readonly BotHarness _harness = new(
        new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck), TestPlaybooks.Parse(QuickNote)]),
        [new KnowledgeEntry("warranty", "How long is the warranty?", "Two years from the purchase date.", ["warranty"], null, null)],
        dispositions: Dispositions);

    [Fact]
    public async Task AWholePlaybook_IsOneCompletedCaseWithItsOutcomeAndDisposition()
    {
        var flow = _harness.Flow();
        var started = _harness.Time.GetUtcNow();

        await SendAllAsync(flow, [.. DeviceCheckAnswers, "Device Check"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(CaseStatus.Completed, recorded.Status);
        Assert.Equal("device-check", recorded.PlaybookId);
        Assert.Equal("default", recorded.OutcomeId);
        Assert.Equal(7, recorded.Turns);
        Assert.False(recorded.Escalated);
        Assert.Equal(new DispositionDecision("Tech Support > Device Check", 0.9, "Tech Support > Device Check"), recorded.Disposition);
        Assert.True(recorded.Disposition!.Taken);
        Assert.Equal((ConversationKey, "test-conversation", "test", "agent-1", "Test Agent"), (recorded.ConversationKey, recorded.ConversationId, recorded.ChannelId, recorded.AgentId, recorded.AgentName));
        Assert.Equal(started, recorded.StartedAt);
        Assert.Equal(started.AddMinutes(6), recorded.LastActivityAt);
        Assert.Null(CaseTracker.OpenCase(await StateAsync()));
    }

    [Fact]
    public async Task ADispositionReplacedByTheAgent_IsRecordedAsChosen()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, [.. DeviceCheckAnswers, "skip"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(CaseStatus.Completed, recorded.Status);
        Assert.Equal("Tech Support > Device Check", recorded.Disposition!.Suggested);
        Assert.Null(recorded.Disposition.Chosen);
        Assert.False(recorded.Disposition.Taken);
    }

    [Fact]
    public async Task CancellingMidWay_ClosesTheCaseAsCancelled()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["device check", "requested", "cancel"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(CaseStatus.Cancelled, recorded.Status);
        Assert.Equal("device-check", recorded.PlaybookId);
        Assert.Equal(3, recorded.Turns);
        Assert.Null(recorded.OutcomeId);
        Assert.Null(recorded.Disposition);
        Assert.Null(CaseTracker.OpenCase(await StateAsync()));
    }

    [Fact]
    public async Task AnOutcomeThatEscalates_MarksTheCaseEscalated()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["device check", "requested", "Beta Two", "2", "yes"]);

        var open = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.True(open.Escalated);
        Assert.Equal(CaseStatus.Open, open.Status);
        Assert.NotEmpty(await _harness.Escalations.ListAsync(includeClosed: false, default));

        await flow.SendAsync("Safety");

        var closed = (await _harness.Transcripts.GetCaseAsync(open.Id, default))!;
        Assert.Equal((CaseStatus.Completed, "urgent", true), (closed.Status, closed.OutcomeId, closed.Escalated));
        Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery { Escalated = true }, default));
    }

    [Fact]
    public async Task QuestionsOnly_KeepTheCaseOpenWithoutAPlaybook()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["how long is the warranty?", "thanks"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(CaseStatus.Open, recorded.Status);
        Assert.Null(recorded.PlaybookId);
        Assert.Equal(2, recorded.Turns);
        Assert.Equal(recorded, CaseTracker.OpenCase(await StateAsync()));
    }

    [Fact]
    public async Task QuestionsThenAPlaybook_AreOneCaseThatTakesThePlaybook()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["how long is the warranty?", .. DeviceCheckAnswers, "Device Check"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(("device-check", CaseStatus.Completed, 8), (recorded.PlaybookId, recorded.Status, recorded.Turns));
    }

    [Fact]
    public async Task TheNextCaseAfterACompletedOne_GetsANewIdAndLeavesTheFirstUntouched()
    {
        var flow = _harness.Flow();
        await SendAllAsync(flow, [.. DeviceCheckAnswers, "Device Check"]);
        var first = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        var firstEntries = await _harness.Transcripts.GetCaseEntriesAsync(first.Id, default);

        await SendAllAsync(flow, ["quick note", "box arrived open"]);

        var cases = await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default);
        Assert.Equal(2, cases.Count);
        var second = cases[0];
        Assert.True(second.Id > first.Id);
        Assert.Equal("quick-note", second.PlaybookId);
        Assert.Equal(2, second.Turns);
        Assert.Equal(first, await _harness.Transcripts.GetCaseAsync(first.Id, default));
        Assert.Equal(firstEntries.Count, (await _harness.Transcripts.GetCaseEntriesAsync(first.Id, default)).Count);
    }

    [Fact]
    public async Task EveryEntryOfACase_CarriesItsIdAndEachMessageIsOneInboundEntry()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["device check", "requested", "Beta Two"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        var all = await _harness.Transcripts.GetAsync(ConversationKey, default);
        Assert.All(all, e => Assert.Equal(recorded.Id, e.CaseId));
        Assert.Equal(["device check", "requested", "Beta Two"], all.Where(e => e.Direction == TranscriptDirection.Inbound).Select(e => e.Activity.Text));
        Assert.True(all.Count(e => e.Direction == TranscriptDirection.Outbound) >= 3);
        Assert.Equal(all.Count, (await _harness.Transcripts.GetCaseEntriesAsync(recorded.Id, default)).Count);
    }

    [Fact]
    public async Task EachInboundEntry_ShowsTheStepWaitingAndTheFieldsCollectedAfterItsTurn()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["device check", "requested", "Beta Two", "2"]);

        var snapshots = (await _harness.Transcripts.GetAsync(ConversationKey, default))
            .Where(e => e.Direction == TranscriptDirection.Inbound).Select(e => e.Snapshot!).ToList();
        Assert.All(snapshots, s => Assert.Equal("device-check", s.PlaybookId));
        Assert.Equal(["photos", "model", "count", "injured"], snapshots.Select(s => s.StepId));
        Assert.Equal([[], ["photos"], ["photos", "model"], ["photos", "model", "count"]], snapshots.Select(s => s.Fields.Select(f => f.Key).ToArray()));
        Assert.Equal("beta-two", snapshots[2].Fields["model"]!.GetValue<string>());
        Assert.Equal(2, snapshots[3].Fields["count"]!.GetValue<int>());
        Assert.All((await _harness.Transcripts.GetAsync(ConversationKey, default)).Where(e => e.Direction == TranscriptDirection.Outbound), e => Assert.Null(e.Snapshot));
    }

    [Fact]
    public async Task AMessageOutsideAnyPlaybook_HasAnEmptySnapshot()
    {
        await _harness.Flow().SendAsync("how long is the warranty?");

        var inbound = (await _harness.Transcripts.GetAsync(ConversationKey, default)).First();
        Assert.Equal(new TurnSnapshot(null, null, []).PlaybookId, inbound.Snapshot!.PlaybookId);
        Assert.Null(inbound.Snapshot.StepId);
        Assert.Empty(inbound.Snapshot.Fields);
    }

    [Fact]
    public async Task AnInstallOrNoticeOutsideAnyCase_IsRecordedWithCaseZero()
    {
        var flow = _harness.Flow();
        await flow.SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = "bot" }],
        });
        await SendAllAsync(flow, [.. DeviceCheckAnswers, "Device Check"]);

        await flow.SendAsync(new Activity { Type = ActivityTypes.Event, Name = TriageBot.EscalationEventName, Value = new System.Text.Json.Nodes.JsonObject { ["text"] = "A lead picked up escalation 1." } });

        var entries = await _harness.Transcripts.GetAsync(ConversationKey, default);
        var caseless = entries.Where(e => e.CaseId == 0).ToList();
        Assert.Contains(caseless, e => e.Activity.Type == ActivityTypes.ConversationUpdate);
        Assert.Contains(caseless, e => e.Activity.Text?.StartsWith("Hi, I'm SupportBot", StringComparison.Ordinal) == true);
        Assert.Contains(caseless, e => e.Activity.Type == ActivityTypes.Event);
        Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.All(caseless, e => Assert.Null(e.Snapshot));
    }

    [Fact]
    public async Task ANoticeDuringAnOpenCase_BelongsToThatCaseWithoutCountingAsATurn()
    {
        var flow = _harness.Flow();
        await SendAllAsync(flow, ["device check", "requested"]);

        await flow.SendAsync(new Activity { Type = ActivityTypes.Event, Name = TriageBot.EscalationEventName, Value = new System.Text.Json.Nodes.JsonObject { ["text"] = "A lead picked up escalation 1." } });

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(2, recorded.Turns);
        var notice = (await _harness.Transcripts.GetAsync(ConversationKey, default)).Single(e => e.Activity.Type == ActivityTypes.Event);
        Assert.Equal(recorded.Id, notice.CaseId);
    }

    [Fact]
    public async Task AnIdleCaseWithoutAPlaybook_IsLeftAndTheNextMessageStartsANewCase()
    {
        var flow = _harness.Flow();
        await flow.SendAsync("how long is the warranty?");

        _harness.Time.Advance(CaseTracker.IdleCaseTimeout + TimeSpan.FromMinutes(1));
        await flow.SendAsync("thanks");

        var cases = await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default);
        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.Equal((1, CaseStatus.Open), (c.Turns, c.Status)));
        Assert.Equal(cases[0], CaseTracker.OpenCase(await StateAsync()));
    }

    [Fact]
    public async Task AnIdleCaseWithAPlaybookRunning_ContinuesWhenTheAgentComesBack()
    {
        var flow = _harness.Flow();
        await SendAllAsync(flow, ["device check", "requested"]);

        _harness.Time.Advance(CaseTracker.IdleCaseTimeout * 3);
        await flow.SendAsync("Beta Two");

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal(3, recorded.Turns);
    }

    [Fact]
    public async Task SwitchingToAnotherPlaybookMidWay_CancelsTheCaseAndStartsOneForTheNewPlaybook()
    {
        var flow = _harness.Flow();
        await SendAllAsync(flow, ["device check", "requested"]);

        await SendAllAsync(flow, ["quick-note", "box arrived open", "skip"]);

        var cases = await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default);
        Assert.Equal(2, cases.Count);
        Assert.Equal(("device-check", CaseStatus.Cancelled, 2, null), (cases[1].PlaybookId, cases[1].Status, cases[1].Turns, cases[1].OutcomeId));
        Assert.Equal(("quick-note", CaseStatus.Completed, 3, "default"), (cases[0].PlaybookId, cases[0].Status, cases[0].Turns, cases[0].OutcomeId));
        var switchTurn = (await _harness.Transcripts.GetCaseEntriesAsync(cases[0].Id, default))[0];
        Assert.Equal("quick-note", switchTurn.Activity.Text);
    }

    [Fact]
    public async Task StartingOver_KeepsTheSameCase()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["device check", "requested", "start over", "requested"]);

        var recorded = Assert.Single(await _harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        Assert.Equal((CaseStatus.Open, 4), (recorded.Status, recorded.Turns));
    }

    [Fact]
    public async Task ACardNumberTypedAsAnAnswer_IsRedactedInTheStateTheSnapshotAndTheOutcome()
    {
        var flow = _harness.Flow();

        await SendAllAsync(flow, ["device check", "requested", "Beta Two", "2", "no", "paid with card 4111 1111 1111 1111"]);

        var inbound = (await _harness.Transcripts.GetAsync(ConversationKey, default)).Where(e => e.Direction == TranscriptDirection.Inbound).Last();
        Assert.Equal("paid with card [card ending 1111]", inbound.Activity.Text);
        var everything = string.Join('\n', (await _harness.Transcripts.GetAsync(ConversationKey, default)).Select(e => ActivityJson.Serialize(e.Activity) + e.Snapshot?.Fields.ToJsonString()))
            + (await _harness.Storage.ReadAsync([ConversationStateMiddleware.StorageKeyFor(ConversationKey)], default)).Single().Value.Json;
        Assert.DoesNotContain("4111 1111 1111 1111", everything, StringComparison.Ordinal);
        Assert.Contains("Notes paid with card [card ending 1111].", everything, StringComparison.Ordinal);
    }

    private static async Task SendAllAsync(TestFlow flow, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            await flow.SendAsync(message);
            flow.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        flow.DrainReplies();
    }

    private async Task<ConversationData> StateAsync()
    {
        var key = ConversationStateMiddleware.StorageKeyFor(ConversationKey);
        var json = (await _harness.Storage.ReadAsync([key], default))[key].Json;
        return System.Text.Json.JsonSerializer.Deserialize<ConversationData>(json, ActivityJson.Options)!;
    }
}
