using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Dialogs;
using SupportBot.Dialogs.Prompts;
using SupportBot.Knowledge;
using SupportBot.Turns;

namespace SupportBot.Playbooks;

/// <summary>
/// Runs a declarative playbook: each step starts the matching prompt, the answer is stored under the
/// step's field, branches pick the next step, and the flow ends in an outcome. The step history is
/// kept so "back" can return to the previous question.
/// </summary>
public sealed class PlaybookDialog(PlaybookDefinition playbook, DispositionAdvisor? dispositions = null) : Dialog(DialogIdFor(playbook.Id))
{
    private const string FinishingKey = "finishing";
    private const string SkipDisposition = "skip";
    private const string StepKey = "step";
    private const string HistoryKey = "history";
    private const string ValuesKey = "values";
    private const string SkippedKey = "skipped";
    private const string AgentKey = "agent";
    private const string PrefilledKey = "prefilled";
    private const string GateKey = "gate";

    public PlaybookDefinition Playbook { get; } = playbook;

    public override string? Version => Playbook.Version;

    public static string DialogIdFor(string playbookId) => "playbook:" + playbookId;

    public static string? PlaybookIdOf(string dialogId) =>
        dialogId.StartsWith("playbook:", StringComparison.Ordinal) ? dialogId["playbook:".Length..] : null;

    /// <summary>The step an instance of this dialog is on and the answers collected so far, read from its saved state.</summary>
    public static (string? StepId, JsonObject Values) ProgressOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var step = instance.State[StepKey] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var values = instance.State[ValuesKey] as JsonObject;
        return (step, values is null ? [] : (JsonObject)values.DeepClone());
    }

    /// <param name="options">Optional <c>{"values": {...}}</c> with answers already known (entities found earlier).</param>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[ValuesKey] = options?["values"]?.DeepClone() as JsonObject ?? [];
        state[HistoryKey] = new JsonArray();
        state[SkippedKey] = new JsonArray();
        state[AgentKey] = dc.Context.Activity.From?.Name;
        await dc.Context.SendActivityAsync(
            $"**{Playbook.Title}**\n{Fill(Playbook.Summary, state)}", cancellationToken).ConfigureAwait(false);
        return await RunStepAsync(dc, Playbook.Steps[0], cancellationToken).ConfigureAwait(false);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // Normally a prompt is on top of this dialog. Reaching here means the prompt was removed
        // (help, back or a version change did it), so ask the current step again.
        ArgumentNullException.ThrowIfNull(dc);
        return RunStepAsync(dc, CurrentStep(dc.ActiveDialog!), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        if (state[FinishingKey] is JsonObject finishing)
        {
            return await EndWithDispositionAsync(dc, finishing, result, cancellationToken).ConfigureAwait(false);
        }

        if (state[GateKey] is JsonObject gate)
        {
            var field = gate["field"]!.GetValue<string>();
            if (!PromptResult.IsFailed(result))
            {
                state[ValuesKey]![field] = result?.DeepClone();
            }

            var outcome = gate["outcome"]!.GetValue<string>();
            state.Remove(GateKey);
            return await FinishAsync(dc, outcome, cancellationToken).ConfigureAwait(false);
        }

        var step = CurrentStep(dc.ActiveDialog!);
        FlowTarget? target;
        if (PromptResult.IsFailed(result))
        {
            state[SkippedKey]!.AsArray().Add(step.Field);
            await dc.Context.SendActivityAsync(
                $"Let's move on; I'll mark {Describe(step)} as not collected in the note.", cancellationToken).ConfigureAwait(false);
            target = step.OnFail;
        }
        else
        {
            if (step.Field is not null)
            {
                state[ValuesKey]![step.Field] = result?.DeepClone();
            }

            target = FirstMatchingBranch(step, state[ValuesKey]!.AsObject());
        }

        return await GoToAsync(dc, target ?? NextInOrder(step), cancellationToken).ConfigureAwait(false);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        return turnContext.SendActivityAsync(Fill(CurrentStep(instance).Prompt, instance.State), cancellationToken);
    }

    public override string? GetHelp(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return CurrentStep(instance).Help;
    }

    public override bool CanGoBack(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State[HistoryKey] is JsonArray { Count: > 0 };
    }

    public override async Task<bool> GoBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        if (instance.State[HistoryKey] is not JsonArray { Count: > 0 } history)
        {
            return false;
        }

        var previousId = history[^1]!.GetValue<string>();
        history.RemoveAt(history.Count - 1);
        var previous = Playbook.FindStep(previousId) ?? Playbook.Steps[0];
        await RunStepAsync(dc, previous, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override async Task<bool> ResumeAfterVersionChangeAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var stepId = instance.State[StepKey]?.GetValue<string>();
        instance.Version = Version;
        var step = stepId is null ? null : Playbook.FindStep(stepId);
        if (step is null)
        {
            await dc.Context.SendActivityAsync(
                $"The **{Playbook.Title}** playbook was updated and the step you were on no longer exists, so let's start it again.",
                cancellationToken).ConfigureAwait(false);
            await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            await dc.BeginDialogAsync(Id, new JsonObject { ["values"] = instance.State[ValuesKey]?.DeepClone() is JsonObject v ? PruneToKnownFields(v) : null }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // Drop answers to fields the new version no longer collects, and history entries that no longer exist.
        if (instance.State[ValuesKey] is JsonObject values)
        {
            instance.State[ValuesKey] = PruneToKnownFields(values);
        }

        if (instance.State[HistoryKey] is JsonArray history)
        {
            instance.State[HistoryKey] = new JsonArray(history.Select(h => h?.GetValue<string>()).Where(h => h is not null && Playbook.FindStep(h) is not null).Select(h => (JsonNode?)JsonValue.Create(h)).ToArray());
        }

        await dc.Context.SendActivityAsync(
            $"The **{Playbook.Title}** playbook was updated while we were talking; carrying on from the same step.",
            cancellationToken).ConfigureAwait(false);
        await RunStepAsync(dc, step, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The values collected so far by the playbook instance.</summary>
    public static JsonObject ValuesOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State[ValuesKey] as JsonObject ?? [];
    }

    /// <summary>The id of the step the instance is on.</summary>
    public static string? StepOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State[StepKey]?.GetValue<string>();
    }

    private JsonObject PruneToKnownFields(JsonObject values)
    {
        var known = Playbook.Steps.Select(s => s.Field).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new JsonObject(values.Where(p => known.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    private async Task<DialogTurnResult> GoToAsync(DialogContext dc, FlowTarget target, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        if (target.Kind == FlowTargetKind.Outcome)
        {
            return await FinishAsync(dc, target.Id, cancellationToken).ConfigureAwait(false);
        }

        state[HistoryKey]!.AsArray().Add(state[StepKey]?.GetValue<string>());
        return await RunStepAsync(dc, Playbook.FindStep(target.Id)!, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, StepDefinition step, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.State[StepKey] = step.Id;
        instance.State.Remove(FinishingKey);
        instance.State.Remove(GateKey);
        var prompt = Fill(step.Prompt, instance.State);
        if (step.Kind == StepKind.Info)
        {
            await dc.Context.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
            return await GoToAsync(dc, FirstMatchingBranch(step, ValuesOf(instance)) ?? NextInOrder(step), cancellationToken).ConfigureAwait(false);
        }

        if (TryPrefill(dc, step) is { } prefilled)
        {
            await dc.Context.SendActivityAsync(
                $"{Describe(step, capitalise: true)}: **{FieldFormatter.Display(step, prefilled)}**, from what you said earlier. (Type **back** to change it.)",
                cancellationToken).ConfigureAwait(false);
            return await GoToAsync(dc, FirstMatchingBranch(step, ValuesOf(instance)) ?? NextInOrder(step), cancellationToken).ConfigureAwait(false);
        }

        var options = new PromptOptions
        {
            Prompt = prompt,
            // The step's help stays in the playbook definition (GetHelp below) rather than in every saved prompt state.
            RetryPrompt = step.Retry,
            MaxAttempts = step.MaxAttempts,
            Min = step.Min,
            Max = step.Max,
            Choices = step.Kind == StepKind.Choice
                ? step.Choices.Select(c => new Choice { Value = c.Value, Label = c.Label, Synonyms = [.. c.Synonyms] }).ToList()
                : null,
        };
        return await dc.BeginDialogAsync(PromptIdFor(step.Kind), JsonSerializer.SerializeToNode(options, ActivityJson.Options), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, string outcomeId, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var values = ValuesOf(instance);
        var outcome = Playbook.Outcomes[outcomeId];
        if (MissingForEscalation(outcome, values, instance) is { } missing)
        {
            // Policy says this escalation cannot be sent without these fields: ask for exactly what is missing.
            instance.State[GateKey] = new JsonObject { ["outcome"] = outcomeId, ["field"] = missing };
            if (instance.State["gateAsked"] is not JsonArray asked)
            {
                asked = [];
                instance.State["gateAsked"] = asked;
            }

            asked.Add(missing);
            var words = missing.Replace('_', ' ');
            var gateOptions = new PromptOptions
            {
                Prompt = $"Before this can go to **{outcome.Escalation!.Route}**, I need the **{words}**. What is it?",
                Help = $"The {outcome.Escalation.Route} route only takes escalations that carry the {words}; without it the case would bounce back.",
                MaxAttempts = 2,
            };
            return await dc.BeginDialogAsync(TextPrompt.DefaultId, JsonSerializer.SerializeToNode(gateOptions, ActivityJson.Options), cancellationToken).ConfigureAwait(false);
        }

        var view = OutcomeRenderer.Build(Playbook, outcome, values, instance.State[AgentKey]?.GetValue<string>());
        await dc.Context.SendActivityAsync(OutcomeRenderer.ToActivity(dc.Context.Activity, view), cancellationToken).ConfigureAwait(false);
        var result = new PlaybookResult { PlaybookId = Playbook.Id, OutcomeId = outcomeId, Values = (JsonObject)values.DeepClone(), Outcome = view };
        if (view.EscalationRoute is not null)
        {
            dc.Context.TurnState.Set(new EscalationRequested(result));
        }

        if (dispositions is null)
        {
            return await EndAsync(dc, result, cancellationToken).ConfigureAwait(false);
        }

        // The agent confirms the suggested disposition, or picks another, with one click.
        var suggestions = dispositions.Suggest(view);
        result.SuggestedDisposition = suggestions[0].Disposition.Display;
        result.SuggestionConfidence = suggestions[0].Confidence;
        instance.State[FinishingKey] = JsonSerializer.SerializeToNode(result, ActivityJson.Options);
        var choices = suggestions.Select((s, i) => new Choice
        {
            Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Label = s.Disposition.Name,
            Synonyms = [s.Disposition.Display],
        }).Append(new Choice { Value = SkipDisposition, Label = "Skip", Synonyms = ["none", "later"] }).ToList();
        var options = new PromptOptions
        {
            Prompt = $"Suggested disposition: **{suggestions[0].Disposition.Display}** ({suggestions[0].Confidence * 100:0}% sure). Pick it, or another one:",
            Help = "The disposition records what kind of contact this was, so trends can be spotted. The first button is SupportBot's suggestion; the others also fit what happened.",
            Choices = choices,
            MaxAttempts = 2,
        };
        return await dc.BeginDialogAsync(ChoicePrompt.DefaultId, JsonSerializer.SerializeToNode(options, ActivityJson.Options), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EndWithDispositionAsync(DialogContext dc, JsonObject finishing, JsonNode? answer, CancellationToken cancellationToken)
    {
        var result = finishing.Deserialize<PlaybookResult>(ActivityJson.Options)!;
        var picked = PromptResult.IsFailed(answer) ? SkipDisposition : answer?.GetValue<string>() ?? SkipDisposition;
        if (picked != SkipDisposition)
        {
            var suggestions = dispositions!.Suggest(result.Outcome);
            var index = int.Parse(picked, System.Globalization.CultureInfo.InvariantCulture);
            result.ChosenDisposition = suggestions[Math.Clamp(index, 0, suggestions.Count - 1)].Disposition.Display;
            await dc.Context.SendActivityAsync($"Disposition recorded: **{result.ChosenDisposition}**.", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await dc.Context.SendActivityAsync("No disposition recorded; set it in the ticket when you're ready.", cancellationToken).ConfigureAwait(false);
        }

        return await EndAsync(dc, result, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> EndAsync(DialogContext dc, PlaybookResult result, CancellationToken cancellationToken)
    {
        dc.Context.TurnState.Set(new PlaybookCompleted(result));
        return dc.EndDialogAsync(JsonSerializer.SerializeToNode(result, ActivityJson.Options), cancellationToken);
    }

    /// <summary>The first field the outcome's escalation requires that is still missing (each is asked once).</summary>
    private static string? MissingForEscalation(OutcomeDefinition outcome, JsonObject values, DialogInstance instance)
    {
        if (outcome.Escalation is not { Requires: { Count: > 0 } requires } escalation)
        {
            return null;
        }

        if (escalation.Unless is { } unless && Matches(unless, values))
        {
            return null;
        }

        var asked = (instance.State["gateAsked"] as JsonArray)?.Select(a => a?.GetValue<string>()).ToHashSet() ?? [];
        return requires.FirstOrDefault(f => FieldFormatter.Raw(values[f]) is null && !asked.Contains(f));
    }

    private FlowTarget NextInOrder(StepDefinition step)
    {
        var index = Playbook.Steps.ToList().FindIndex(s => s.Id == step.Id);
        return index + 1 < Playbook.Steps.Count
            ? new FlowTarget(FlowTargetKind.Step, Playbook.Steps[index + 1].Id)
            : new FlowTarget(FlowTargetKind.Outcome, PlaybookDefinition.DefaultOutcome);
    }

    private static FlowTarget? FirstMatchingBranch(StepDefinition step, JsonObject values)
    {
        return step.Next.FirstOrDefault(branch => Matches(branch.When, values))?.Goto;
    }

    private static bool Matches(BranchCondition condition, JsonObject values)
    {
        var raw = FieldFormatter.Raw(values[condition.Field]);
        return condition switch
        {
            { IsSet: bool isSet } => (raw is not null) == isSet,
            { EqualsValue: string expected } => string.Equals(raw, expected, StringComparison.OrdinalIgnoreCase),
            { InValues: { } options } => raw is not null && options.Contains(raw, StringComparer.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private StepDefinition CurrentStep(DialogInstance instance) =>
        (instance.State[StepKey]?.GetValue<string>() is { } id ? Playbook.FindStep(id) : null) ?? Playbook.Steps[0];

    private string Fill(string template, JsonObject state) =>
        FieldFormatter.Fill(template, FieldFormatter.LookupFor(Playbook, state[ValuesKey] as JsonObject ?? [], state[AgentKey]?.GetValue<string>()));

    private static string Describe(StepDefinition step, bool capitalise = false)
    {
        if (step.Field is null)
        {
            return "this step";
        }

        var words = step.Field.Replace('_', ' ');
        return capitalise ? char.ToUpperInvariant(words[0]) + words[1..] : $"'{words}'";
    }

    /// <summary>
    /// Answers a step from a value the agent already mentioned (once per field and run, so going back
    /// to the step asks the question). Returns the stored answer, or null when the step must be asked.
    /// </summary>
    private static JsonNode? TryPrefill(DialogContext dc, StepDefinition step)
    {
        var state = dc.ActiveDialog!.State;
        if (step.Field is null || step.Kind is not (StepKind.Text or StepKind.Choice or StepKind.Number)
            || dc.Context.TurnState.Get<EntityMemory>() is not { } memory
            || FieldEntities.Find(step.Field, memory.Entities) is not { } entity)
        {
            return null;
        }

        if (state[PrefilledKey] is not JsonArray done)
        {
            done = [];
            state[PrefilledKey] = done;
        }

        if (done.Any(f => f?.GetValue<string>() == step.Field))
        {
            return null;
        }

        JsonNode? answer = step.Kind switch
        {
            StepKind.Text => JsonValue.Create(entity.Value),
            StepKind.Number => entity.Amount is { } amount ? JsonValue.Create(amount) : null,
            _ => Recognition.ChoiceRecognizer.Recognize(entity.Value, step.Choices.Select(c => new Choice { Value = c.Value, Label = c.Label, Synonyms = [.. c.Synonyms] }).ToList()).Choice is { } choice
                ? JsonValue.Create(choice.Value)
                : null,
        };
        if (answer is null)
        {
            return null;
        }

        done.Add(step.Field);
        state[ValuesKey]![step.Field] = answer;
        return answer;
    }

    private static string PromptIdFor(StepKind kind) => kind switch
    {
        StepKind.Text => TextPrompt.DefaultId,
        StepKind.Choice => ChoicePrompt.DefaultId,
        StepKind.Confirm => ConfirmPrompt.DefaultId,
        StepKind.Number => NumberPrompt.DefaultId,
        StepKind.Attachment => AttachmentPrompt.DefaultId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Info steps have no prompt."),
    };
}
