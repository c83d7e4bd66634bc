namespace SupportBot.Escalations;

/// <summary>
/// Which lead action is allowed from which status, and where it leads; read like a specification.
/// Timers move escalations too (the next member, or Expired), but only while they are Open.
/// </summary>
public static class EscalationTransitions
{
    private static readonly Dictionary<(EscalationStatus From, LeadAction Action), EscalationStatus> Table = new()
    {
        [(EscalationStatus.Open, LeadAction.Acknowledge)] = EscalationStatus.Acknowledged,
        [(EscalationStatus.Open, LeadAction.TakeOver)] = EscalationStatus.TakenOver,
        [(EscalationStatus.Acknowledged, LeadAction.TakeOver)] = EscalationStatus.TakenOver,
        [(EscalationStatus.Open, LeadAction.NeedMoreInfo)] = EscalationStatus.Acknowledged,
        [(EscalationStatus.Acknowledged, LeadAction.NeedMoreInfo)] = EscalationStatus.Acknowledged,
        [(EscalationStatus.TakenOver, LeadAction.NeedMoreInfo)] = EscalationStatus.TakenOver,
        [(EscalationStatus.Open, LeadAction.Approve)] = EscalationStatus.Resolved,
        [(EscalationStatus.Acknowledged, LeadAction.Approve)] = EscalationStatus.Resolved,
        [(EscalationStatus.TakenOver, LeadAction.Approve)] = EscalationStatus.Resolved,
        [(EscalationStatus.Open, LeadAction.Decline)] = EscalationStatus.Resolved,
        [(EscalationStatus.Acknowledged, LeadAction.Decline)] = EscalationStatus.Resolved,
        [(EscalationStatus.TakenOver, LeadAction.Decline)] = EscalationStatus.Resolved,
        [(EscalationStatus.Acknowledged, LeadAction.Resolve)] = EscalationStatus.Resolved,
        [(EscalationStatus.TakenOver, LeadAction.Resolve)] = EscalationStatus.Resolved,
        [(EscalationStatus.Open, LeadAction.ReturnToAgent)] = EscalationStatus.ReturnedToAgent,
        [(EscalationStatus.Acknowledged, LeadAction.ReturnToAgent)] = EscalationStatus.ReturnedToAgent,
        [(EscalationStatus.TakenOver, LeadAction.ReturnToAgent)] = EscalationStatus.ReturnedToAgent,
    };

    public static EscalationStatus? Next(EscalationStatus from, LeadAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The actions allowed now, for buttons.</summary>
    public static IEnumerable<LeadAction> Allowed(EscalationStatus from) =>
        Table.Keys.Where(k => k.From == from).Select(k => k.Action);

    public static string Verb(LeadAction action) => action switch
    {
        LeadAction.Acknowledge => "acknowledged",
        LeadAction.TakeOver => "took over",
        LeadAction.Approve => "approved",
        LeadAction.Decline => "declined",
        LeadAction.NeedMoreInfo => "asked for more information on",
        LeadAction.Resolve => "resolved",
        LeadAction.ReturnToAgent => "returned to the agent",
        _ => action.ToString(),
    };
}
