namespace SupportBot.Escalations;

/// <summary>What a lead can do with an escalation.</summary>
public enum LeadAction
{
    Acknowledge,
    TakeOver,
    Approve,
    Decline,
    NeedMoreInfo,
    Resolve,
    ReturnToAgent,
}

/// <summary>The result of a lead action, with the words to show whoever asked.</summary>
public sealed record ActionOutcome(bool Succeeded, string Message, Escalation? Escalation);
