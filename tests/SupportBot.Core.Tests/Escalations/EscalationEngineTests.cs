using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Escalations;

namespace SupportBot.Tests.Escalations;

public class EscalationEngineTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)); // a Wednesday, 10:00 UTC
    private readonly MemoryEscalationStore _store = new();
    private readonly EscalationOptions _options = new()
    {
        Routes = new(StringComparer.Ordinal)
        {
            ["resolution-specialist"] = new RouteOptions
            {
                Destinations = ["local"],
                Chain = [new() { Member = "specialist-1", Timeout = TimeSpan.FromSeconds(30) }, new() { Member = "supervisor-1", Timeout = TimeSpan.FromSeconds(30) }],
                WhenChainEnds = "callback ticket",
                Members = ["observer-1"],
            },
            ["escalation-lead"] = new RouteOptions
            {
                Destinations = ["local"],
                Chain = [new() { Member = "lead-1", Timeout = TimeSpan.FromMinutes(2) }],
                OffHours = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "night-lead-1", Timeout = TimeSpan.FromMinutes(5) }] },
            },
        },
    };

    private EscalationService Engine() => new(_store, Options.Create(_options), _time, NullLogger<EscalationService>.Instance);

    private Task<Escalation> CreateAsync(string route = "resolution-specialist") => Engine().CreateAsync(new EscalationRequest(
        "supervisor-demand", "Customer demands a supervisor", route, "high", "Customer refused the 1-day follow-up", "Wants a supervisor now",
        ["Offered a review within 1 day"], ["Take the warm transfer"], "Customer: Account holder", "Account holder", [],
        new ConversationReference("webchat", "conv-1", null, "agent-1", "Test Agent")), default);

    [Fact]
    public async Task NewEscalation_IsOpen_WithTheFirstChainMemberAsked_AndQueuedForLeadsAndAgent()
    {
        var escalation = await CreateAsync();

        Assert.Equal(EscalationStatus.Open, escalation.Status);
        Assert.Equal("specialist-1", escalation.Assignee);
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), escalation.StepDeadline);
        var outbox = await _store.OutboxAsync(escalation.Id, default);
        Assert.Contains(outbox, m => m.Kind == OutboxKinds.Summary && m.Destination == "local");
        Assert.Contains(outbox, m => m.Kind == OutboxKinds.AgentNotice && m.Destination == "conversation");
    }

    [Theory]
    [InlineData(LeadAction.Acknowledge, EscalationStatus.Acknowledged)]
    [InlineData(LeadAction.TakeOver, EscalationStatus.TakenOver)]
    [InlineData(LeadAction.Approve, EscalationStatus.Resolved)]
    [InlineData(LeadAction.Decline, EscalationStatus.Resolved)]
    public async Task LeadAction_FromOpen_MovesToItsStatus_AndIsAudited(LeadAction action, EscalationStatus expected)
    {
        var escalation = await CreateAsync();

        var outcome = await Engine().ActAsync(escalation.Id, action, "specialist-1", null, default);

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = (await _store.GetAsync(escalation.Id, default))!;
        Assert.Equal(expected, stored.Status);
        Assert.Null(stored.DueAt);
        Assert.Equal("specialist-1", stored.Audit[^1].Who);
    }

    [Fact]
    public async Task AcknowledgedThenTakenOverThenResolved_FollowsTheLifecycle()
    {
        var escalation = await CreateAsync();
        var engine = Engine();

        await engine.ActAsync(escalation.Id, LeadAction.Acknowledge, "specialist-1", null, default);
        await engine.ActAsync(escalation.Id, LeadAction.TakeOver, "supervisor-1", null, default);
        var resolved = await engine.ActAsync(escalation.Id, LeadAction.Resolve, "supervisor-1", "Called the customer back", default);

        Assert.True(resolved.Succeeded);
        Assert.Equal(["created", "acknowledged", "took over", "resolved"], (await _store.GetAsync(escalation.Id, default))!.Audit.Select(a => a.Action));
    }

    [Fact]
    public async Task ReturnToAgent_NeedsAReason()
    {
        var escalation = await CreateAsync();

        var withoutReason = await Engine().ActAsync(escalation.Id, LeadAction.ReturnToAgent, "specialist-1", null, default);
        var withReason = await Engine().ActAsync(escalation.Id, LeadAction.ReturnToAgent, "specialist-1", "Not a leadership matter", default);

        Assert.False(withoutReason.Succeeded);
        Assert.True(withReason.Succeeded);
        Assert.Equal(EscalationStatus.ReturnedToAgent, (await _store.GetAsync(escalation.Id, default))!.Status);
    }

    [Fact]
    public async Task ResolvingAnOpenEscalation_IsNotAllowed()
    {
        var escalation = await CreateAsync();

        var outcome = await Engine().ActAsync(escalation.Id, LeadAction.Resolve, "specialist-1", null, default);

        Assert.False(outcome.Succeeded);
        Assert.Contains("can't be resolved now", outcome.Message);
    }

    [Fact]
    public async Task SomeoneNotOnTheRoute_IsPolitelyRefused_AndTheAttemptIsAudited()
    {
        var escalation = await CreateAsync();

        var outcome = await Engine().ActAsync(escalation.Id, LeadAction.Acknowledge, "random-agent", null, default);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Sorry, only members of the resolution-specialist route", outcome.Message);
        var stored = (await _store.GetAsync(escalation.Id, default))!;
        Assert.Equal(EscalationStatus.Open, stored.Status);
        Assert.Equal(("random-agent", "refused"), (stored.Audit[^1].Who, stored.Audit[^1].Action));
    }

    [Fact]
    public async Task ExtraRouteMember_MayActThoughNotInTheChain()
    {
        var escalation = await CreateAsync();
        Assert.True((await Engine().ActAsync(escalation.Id, LeadAction.Acknowledge, "observer-1", null, default)).Succeeded);
    }

    [Fact]
    public async Task UnacknowledgedEscalation_IsRemindedAtHalfTime_ThenMovesAlongTheChain_ThenExpires()
    {
        var escalation = await CreateAsync();
        var engine = Engine();

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await engine.AdvanceDueAsync(default));
        Assert.True((await _store.GetAsync(escalation.Id, default))!.Reminded);

        _time.Advance(TimeSpan.FromSeconds(15));
        await engine.AdvanceDueAsync(default);
        var moved = (await _store.GetAsync(escalation.Id, default))!;
        Assert.Equal(("supervisor-1", EscalationStatus.Open), (moved.Assignee, moved.Status));

        _time.Advance(TimeSpan.FromSeconds(30));
        await engine.AdvanceDueAsync(default);
        await engine.AdvanceDueAsync(default);
        var expired = (await _store.GetAsync(escalation.Id, default))!;
        Assert.Equal(EscalationStatus.Expired, expired.Status);
        Assert.Contains((await _store.OutboxAsync(escalation.Id, default)), m => m.Text.Contains("callback ticket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcknowledgedEscalation_StopsItsTimer()
    {
        var escalation = await CreateAsync();
        await Engine().ActAsync(escalation.Id, LeadAction.Acknowledge, "specialist-1", null, default);

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, await Engine().AdvanceDueAsync(default));
    }

    [Fact]
    public async Task TimerThatFellDueWhileTheHostWasDown_FiresOnceAfterRestart()
    {
        var escalation = await CreateAsync();
        _time.Advance(TimeSpan.FromSeconds(31)); // the host was down past the reminder and the deadline

        var restarted = Engine();
        var firstPass = await restarted.AdvanceDueAsync(default);
        var secondPass = await restarted.AdvanceDueAsync(default);

        Assert.Equal(1, firstPass);
        var stored = (await _store.GetAsync(escalation.Id, default))!;
        Assert.Equal("supervisor-1", stored.Assignee);
        Assert.Equal(0, secondPass);
    }

    [Fact]
    public async Task TwoHostsFiringTheSameTimer_MoveItOnlyOnce()
    {
        var escalation = await CreateAsync();
        _time.Advance(TimeSpan.FromSeconds(31));

        var fired = await Task.WhenAll(Engine().AdvanceDueAsync(default), Engine().AdvanceDueAsync(default));

        Assert.Equal(1, fired.Sum());
        Assert.Single((await _store.GetAsync(escalation.Id, default))!.Audit, a => a.Action == "moved");
    }

    [Fact]
    public async Task OffHours_UsesTheOffHoursChain()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero));

        var escalation = await CreateAsync("escalation-lead");

        Assert.True(escalation.OffHours);
        Assert.Equal("night-lead-1", escalation.Assignee);
    }

    [Fact]
    public async Task NeedMoreInfo_AsksTheAgent_AndTheAnswerGoesBackToTheLead()
    {
        var escalation = await CreateAsync();
        var engine = Engine();

        await engine.ActAsync(escalation.Id, LeadAction.NeedMoreInfo, "specialist-1", "Which plan is the customer on?", default);
        var question = (await _store.OutboxAsync(escalation.Id, default)).Last(m => m.Destination == "conversation");
        var answered = await engine.AnswerQuestionAsync(escalation.Id, "Test Agent", "Pro yearly", default);

        Assert.Equal("Which plan is the customer on?", question.Data!["question"]!.GetValue<string>());
        Assert.True(answered);
        Assert.Contains((await _store.OutboxAsync(escalation.Id, default)), m => m.Kind == OutboxKinds.LeadNotice && m.Text.Contains("Pro yearly", StringComparison.Ordinal));
        Assert.Null((await _store.GetAsync(escalation.Id, default))!.PendingQuestion);
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedWithBackoff_AndDeliveredOnceTheChannelRecovers()
    {
        var escalation = await CreateAsync();
        var channel = new FlakyChannel { FailuresLeft = 2 };
        var dispatcher = new OutboxDispatcher(_store, [channel, new RecordingChannel("conversation")], Options.Create(_options), _time, NullLogger<OutboxDispatcher>.Instance);

        await dispatcher.DispatchAsync(default);
        Assert.Empty(channel.Delivered);
        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchAsync(default);
        Assert.Empty(channel.Delivered); // still waiting for its 2 s back-off

        _time.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchAsync(default);
        _time.Advance(TimeSpan.FromSeconds(4));
        await dispatcher.DispatchAsync(default);
        _time.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.DispatchAsync(default);

        Assert.Single(channel.Delivered);
        Assert.All(await _store.OutboxAsync(escalation.Id, default), m => Assert.NotNull(m.DeliveredAt));
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_SendEachMessageOnce()
    {
        var escalation = await CreateAsync();
        var channel = new RecordingChannel("local");
        var conversation = new RecordingChannel("conversation");
        OutboxDispatcher Dispatcher() => new(_store, [channel, conversation], Options.Create(_options), _time, NullLogger<OutboxDispatcher>.Instance);

        await Task.WhenAll(Dispatcher().DispatchAsync(default), Dispatcher().DispatchAsync(default));

        Assert.Single(channel.Delivered);
        Assert.Single(conversation.Delivered);
        Assert.Equal(2, (await _store.OutboxAsync(escalation.Id, default)).Count);
    }

    private sealed class RecordingChannel(string destination) : IOutboxChannel
    {
        public List<string> Delivered { get; } = [];

        public bool Handles(string destination1) => destination1 == destination;

        public Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken)
        {
            lock (Delivered)
            {
                Delivered.Add(message.Id);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The far side of a network: a channel API that is down for a while.</summary>
    private sealed class FlakyChannel : IOutboxChannel
    {
        public int FailuresLeft { get; set; }

        public List<string> Delivered { get; } = [];

        public bool Handles(string destination) => destination == "local";

        public Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0)
            {
                throw new HttpRequestException("503 Service Unavailable");
            }

            Delivered.Add(message.Id);
            return Task.CompletedTask;
        }
    }
}
