namespace SupportBot.Playbooks;

/// <summary>A playbook as declared in <c>dialogs/&lt;id&gt;.yaml</c>, already validated.</summary>
/// <param name="Interrupt">
/// An escalation situation: recognised in any turn, even in the middle of another playbook, and offered
/// to the agent without losing the dialog in progress.
/// </param>
public sealed record PlaybookDefinition(
    string Id,
    string Title,
    string Summary,
    PlaybookTriggers Triggers,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyDictionary<string, OutcomeDefinition> Outcomes,
    string SourceFile,
    string Version,
    bool Interrupt = false)
{
    public const string DefaultOutcome = "default";

    public StepDefinition? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

public sealed record PlaybookTriggers(IReadOnlyList<string> Keywords, IReadOnlyList<string> Examples);

public enum StepKind
{
    Text,
    Choice,
    Confirm,
    Number,
    Attachment,
    Info,
}

public sealed record StepDefinition(
    string Id,
    StepKind Kind,
    string? Field,
    string Prompt,
    string Help,
    string? Retry,
    int MaxAttempts,
    IReadOnlyList<ChoiceDefinition> Choices,
    decimal? Min,
    decimal? Max,
    FlowTarget? OnFail,
    IReadOnlyList<BranchDefinition> Next);

public sealed record ChoiceDefinition(string Value, string Label, IReadOnlyList<string> Synonyms);

/// <summary>Where the flow goes: a step or an outcome of the same playbook.</summary>
public sealed record FlowTarget(FlowTargetKind Kind, string Id)
{
    public const string Skip = "skip";

    public override string ToString() => Kind == FlowTargetKind.Step ? "step:" + Id : "outcome:" + Id;
}

public enum FlowTargetKind
{
    Step,
    Outcome,
}

public sealed record BranchDefinition(BranchCondition When, FlowTarget Goto);

/// <summary>A test on one collected field: equals a value, is one of several, or is (not) set.</summary>
public sealed record BranchCondition(string Field, string? EqualsValue, IReadOnlyList<string>? InValues, bool? IsSet);

public sealed record OutcomeDefinition(
    string Id,
    string Title,
    IReadOnlyList<string> Actions,
    NoteTemplate Note,
    DispositionRef Disposition,
    EscalationDefinition? Escalation);

/// <summary>The ticket note in the notes-policy outline; each part may use {{field}} placeholders.</summary>
public sealed record NoteTemplate(
    string? Customer,
    string Reason,
    IReadOnlyList<string> Resolution,
    string? AdditionalInfo,
    string? FollowUp);

public sealed record DispositionRef(string Category, string Name);

public enum Urgency
{
    Normal,
    High,
    Urgent,
}

/// <param name="Requires">Fields that must be collected before the escalation can be sent.</param>
/// <param name="Unless">When this holds, the required fields are waived (e.g. a pre-sales case).</param>
public sealed record EscalationDefinition(string Route, Urgency Urgency, string? Reason, IReadOnlyList<string>? Requires = null, BranchCondition? Unless = null);
