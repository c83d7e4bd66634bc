using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Escalations;

/// <summary>
/// The channel-neutral escalation engine: creates escalations on their route, applies lead actions
/// (only from members of the route), moves unacknowledged ones along their chain, and queues every
/// message to leads and agents in the outbox, in the same write as the change that caused it.
/// </summary>
public sealed partial class EscalationService(
    IEscalationStore store,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationService> logger,
    OutboxSignal? signal = null,
    IRouteDirectory? directory = null)
{
    private const int MaxUpdateAttempts = 5;
    private readonly EscalationOptions _options = options.Value;

    public async Task<Escalation> CreateAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var offHours = !_options.BusinessHours.IsOpen(now);
        var route = await RouteAsync(request.Route, offHours, cancellationToken).ConfigureAwait(false);
        var escalation = new Escalation
        {
            PlaybookId = request.PlaybookId,
            Category = request.Category,
            Route = request.Route,
            Urgency = request.Urgency,
            Reason = request.Reason,
            Summary = request.Summary,
            Tried = [.. request.Tried],
            Asks = [.. request.Asks],
            Note = request.Note,
            Customer = request.Customer,
            Facts = request.Facts,
            Conversation = request.Conversation,
            CreatedAt = now,
            OffHours = offHours,
        };
        escalation.Audit.Add(new AuditEntry(now, request.Conversation.AgentName ?? request.Conversation.AgentId ?? "agent", "created",
            $"routed to {request.Route}{(offHours ? " (off-hours)" : "")}, urgency {request.Urgency}"));
        StartStep(escalation, route, 0, now);

        var messages = SummaryMessages(escalation, route, now, update: false);
        messages.Add(AgentNotice(escalation, now, escalation.Assignee is { } first
            ? $"Escalation #{{id}} sent to **{request.Route}** ({request.Urgency}); {first} has been asked to pick it up."
            : $"Escalation #{{id}} sent to **{request.Route}** ({request.Urgency})."));
        var created = await store.CreateAsync(escalation, messages, cancellationToken).ConfigureAwait(false);
        signal?.Notify();
        LogCreated(logger, created.Id, created.Route, created.Urgency);
        return created;
    }

    /// <summary>Applies a lead's action; refuses politely (and audits the attempt) when the lead is not on the route.</summary>
    public async Task<ActionOutcome> ActAsync(long id, LeadAction action, string actor, string? text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var escalation = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (escalation is null)
            {
                return new ActionOutcome(false, $"There is no escalation #{id}.", null);
            }

            var now = time.GetUtcNow();
            if (!MayAct(escalation.Route, actor))
            {
                escalation.Audit.Add(new AuditEntry(now, actor, "refused", $"{action} by someone not on the {escalation.Route} route"));
                if (await store.UpdateAsync(escalation, [], cancellationToken).ConfigureAwait(false))
                {
                    LogRefused(logger, actor, action, id);
                    return new ActionOutcome(false, $"Sorry, only members of the {escalation.Route} route can act on escalation #{id}. Your attempt has been noted.", escalation);
                }

                continue;
            }

            if (EscalationTransitions.Next(escalation.Status, action) is not { } next)
            {
                return new ActionOutcome(false, $"Escalation #{id} is {Describe(escalation.Status)}, so it can't be {EscalationTransitions.Verb(action)} now.", escalation);
            }

            if (action is LeadAction.NeedMoreInfo or LeadAction.ReturnToAgent && string.IsNullOrWhiteSpace(text))
            {
                return new ActionOutcome(false, action == LeadAction.NeedMoreInfo ? "What would you like to ask the agent?" : "Please give the reason for returning it to the agent.", escalation);
            }

            escalation.Status = next;
            escalation.Assignee = actor;
            escalation.DueAt = null;
            escalation.StepDeadline = null;
            escalation.Decision = action switch
            {
                LeadAction.Approve => "approved",
                LeadAction.Decline => "declined",
                _ => escalation.Decision,
            };
            if (action == LeadAction.NeedMoreInfo)
            {
                escalation.PendingQuestion = text;
            }

            escalation.Audit.Add(new AuditEntry(now, actor, ActionName(action), text));
            var notice = action == LeadAction.NeedMoreInfo
                ? AgentQuestion(escalation, now, actor, text!)
                : AgentNotice(escalation, now, $"{actor} {EscalationTransitions.Verb(action)} escalation #{{id}}{(text is null ? "." : ": " + text)}");
            var messages = SummaryMessages(escalation, await RouteAsync(escalation.Route, escalation.OffHours, cancellationToken).ConfigureAwait(false), now, update: true);
            messages.Add(notice);
            if (await store.UpdateAsync(escalation, messages, cancellationToken).ConfigureAwait(false))
            {
                signal?.Notify();
                return new ActionOutcome(true, $"Escalation #{id} {EscalationTransitions.Verb(action)} by {actor}.", escalation);
            }
        }

        return new ActionOutcome(false, $"Escalation #{id} is changing too fast right now; please try again.", null);
    }

    /// <summary>The agent answered a lead's question: the answer goes back to the lead and into the audit trail.</summary>
    public async Task<bool> AnswerQuestionAsync(long id, string agent, string answer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var escalation = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (escalation?.PendingQuestion is null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            escalation.Audit.Add(new AuditEntry(now, agent, "answered", answer));
            var question = escalation.PendingQuestion;
            escalation.PendingQuestion = null;
            var messages = (await RouteAsync(escalation.Route, escalation.OffHours, cancellationToken).ConfigureAwait(false)).Destinations.Select(d => new OutboxMessage
            {
                Kind = OutboxKinds.LeadNotice,
                Destination = d,
                Text = $"Escalation #{id}: the agent answered \"{question}\": {answer}",
                CreatedAt = now,
                NextAttemptAt = now,
            }).ToList();
            if (await store.UpdateAsync(escalation, messages, cancellationToken).ConfigureAwait(false))
            {
                signal?.Notify();
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Fires every due timer: a reminder halfway through a step, then the next member of the chain, and
    /// Expired when the chain runs out. A timer that fell due while the host was down fires once now;
    /// the version check means two hosts never fire the same timer twice.
    /// </summary>
    public async Task<int> AdvanceDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fired = 0;
        foreach (var escalation in await store.DueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (escalation.Status != EscalationStatus.Open)
            {
                continue;
            }

            var route = await RouteAsync(escalation.Route, escalation.OffHours, cancellationToken).ConfigureAwait(false);
            var messages = new List<OutboxMessage>();
            if (!escalation.Reminded && escalation.StepDeadline > now)
            {
                escalation.Reminded = true;
                escalation.DueAt = escalation.StepDeadline;
                escalation.Audit.Add(new AuditEntry(now, "supportbot", "reminded", escalation.Assignee));
                messages.AddRange(route.Destinations.Select(d => new OutboxMessage
                {
                    Kind = OutboxKinds.Reminder,
                    Destination = d,
                    Text = $"Reminder: escalation #{escalation.Id} ({escalation.Category}, {escalation.Urgency}) is waiting for {escalation.Assignee}.",
                    CreatedAt = now,
                    NextAttemptAt = now,
                }));
            }
            else
            {
                var previous = escalation.Assignee;
                StartStep(escalation, route, escalation.ChainStep + 1, now);
                if (escalation.Status == EscalationStatus.Expired)
                {
                    messages.Add(AgentNotice(escalation, now,
                        $"No one picked up escalation #{{id}} in time; the chain has ended{(route.WhenChainEnds is { } end ? ": " + end : "")}."));
                }
                else
                {
                    messages.Add(AgentNotice(escalation, now, $"No answer from {previous}; escalation #{{id}} moved to {escalation.Assignee}."));
                }

                messages.AddRange(SummaryMessages(escalation, route, now, update: true));
            }

            if (await store.UpdateAsync(escalation, messages, cancellationToken).ConfigureAwait(false))
            {
                fired++;
            }
        }

        return fired;
    }

    public bool MayAct(string route, string actor) =>
        _options.Routes.TryGetValue(route, out var options) && options.AllMembers.Contains(actor, StringComparer.OrdinalIgnoreCase);

    /// <summary>Open escalations this member may act on.</summary>
    public async Task<IReadOnlyList<Escalation>> ForMemberAsync(string member, CancellationToken cancellationToken) =>
        (await store.ListAsync(includeClosed: false, cancellationToken).ConfigureAwait(false)).Where(e => MayAct(e.Route, member)).ToList();

    public Task<Escalation?> GetAsync(long id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Escalation>> ListAsync(bool includeClosed, CancellationToken cancellationToken) => store.ListAsync(includeClosed, cancellationToken);

    private RouteOptions EffectiveRoute(string route, bool offHours)
    {
        var options = _options.Routes.GetValueOrDefault(route) ?? new RouteOptions();
        return offHours && options.OffHours is { } alternative ? alternative : options;
    }

    /// <summary>The effective route with the destinations <see cref="IRouteDirectory"/> adds to it, when there is one.</summary>
    private async Task<RouteOptions> RouteAsync(string route, bool offHours, CancellationToken cancellationToken)
    {
        var options = EffectiveRoute(route, offHours);
        if (directory is null)
        {
            return options;
        }

        var extra = await directory.ExtraDestinationsAsync(route, cancellationToken).ConfigureAwait(false);
        return extra.Count == 0 ? options : new RouteOptions
        {
            Destinations = [.. options.Destinations.Concat(extra).Distinct(StringComparer.Ordinal)],
            Chain = options.Chain,
            WhenChainEnds = options.WhenChainEnds,
            OffHours = options.OffHours,
            Members = options.Members,
        };
    }

    /// <summary>Asks the chain's member at <paramref name="step"/>, or expires the escalation past the end.</summary>
    private static void StartStep(Escalation escalation, RouteOptions route, int step, DateTimeOffset now)
    {
        escalation.ChainStep = step;
        escalation.Reminded = false;
        if (step >= route.Chain.Count)
        {
            escalation.Assignee = null;
            escalation.DueAt = null;
            escalation.StepDeadline = null;
            if (route.Chain.Count > 0)
            {
                escalation.Status = EscalationStatus.Expired;
                escalation.Audit.Add(new AuditEntry(now, "supportbot", "expired", route.WhenChainEnds ?? "end of chain"));
            }

            return;
        }

        var member = route.Chain[step];
        escalation.Assignee = member.Member;
        escalation.StepDeadline = now + member.Timeout;
        escalation.DueAt = now + (member.Timeout / 2);
        if (step > 0)
        {
            escalation.Audit.Add(new AuditEntry(now, "supportbot", "moved", $"to {member.Member}"));
        }
    }

    private static List<OutboxMessage> SummaryMessages(Escalation escalation, RouteOptions route, DateTimeOffset now, bool update) =>
        route.Destinations.Select(d => new OutboxMessage
        {
            Kind = OutboxKinds.Summary,
            Destination = d,
            Text = update ? $"Escalation #{escalation.Id} is now {Describe(escalation.Status)}." : "New escalation.",
            Data = new System.Text.Json.Nodes.JsonObject { ["update"] = update, ["status"] = escalation.Status.ToString(), ["version"] = escalation.Version + (update ? 1 : 0) },
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();

    private static OutboxMessage AgentNotice(Escalation escalation, DateTimeOffset now, string text) => new()
    {
        Kind = OutboxKinds.AgentNotice,
        Destination = "conversation",
        Text = text,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static OutboxMessage AgentQuestion(Escalation escalation, DateTimeOffset now, string actor, string question) => new()
    {
        Kind = OutboxKinds.AgentNotice,
        Destination = "conversation",
        Text = $"{actor} needs more information on escalation #{{id}}: **{question}** Your next message here goes back to them as the answer.",
        Data = new System.Text.Json.Nodes.JsonObject { ["question"] = question },
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static string ActionName(LeadAction action) => action switch
    {
        LeadAction.Acknowledge => "acknowledged",
        LeadAction.TakeOver => "took over",
        LeadAction.Approve => "approved",
        LeadAction.Decline => "declined",
        LeadAction.NeedMoreInfo => "asked",
        LeadAction.Resolve => "resolved",
        LeadAction.ReturnToAgent => "returned",
        _ => action.ToString(),
    };

    public static string Describe(EscalationStatus status) => status switch
    {
        EscalationStatus.Open => "open",
        EscalationStatus.Acknowledged => "acknowledged",
        EscalationStatus.TakenOver => "taken over",
        EscalationStatus.Resolved => "resolved",
        EscalationStatus.ReturnedToAgent => "returned to the agent",
        EscalationStatus.Expired => "expired",
        _ => status.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {Id} created on route {Route} ({Urgency})")]
    private static partial void LogCreated(ILogger logger, long id, string route, string urgency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Action} on escalation {Id} by {Actor}: not a member of its route")]
    private static partial void LogRefused(ILogger logger, string actor, LeadAction action, long id);
}
