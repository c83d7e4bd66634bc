using System.Text.Json.Nodes;
using SupportBot.Activities;

namespace SupportBot.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A fixed sequence of steps; each step usually starts a prompt, and the prompt's answer is handed
/// to the next step. "back" re-runs the previous step.
/// </summary>
public class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps) : Dialog(id)
{
    private const string StepIndexKey = "stepIndex";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[ValuesKey] = new JsonObject();
        state[OptionsKey] = options?.DeepClone();
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Only a message moves a waterfall on; a typing indicator or reaction must not skip a step.
        return dc.Context.Activity.Type == ActivityTypes.Message
            ? ResumeDialogAsync(dc, dc.Context.Activity.Text is { } text ? JsonValue.Create(text) : null, cancellationToken)
            : Task.FromResult(DialogTurnResult.EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return RunStepAsync(dc, StepIndex(dc.ActiveDialog!) + 1, result, cancellationToken);
    }

    public override bool CanGoBack(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return StepIndex(instance) > 0;
    }

    public override async Task<bool> GoBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = StepIndex(dc.ActiveDialog!);
        if (index == 0)
        {
            return false;
        }

        await RunStepAsync(dc, index - 1, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal static int StepIndex(DialogInstance instance) =>
        instance.State[StepIndexKey] is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d : 0;

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var instance = dc.ActiveDialog!;
        instance.State[StepIndexKey] = index;
        var context = new WaterfallStepContext(dc, index, instance.State[OptionsKey], result, instance.State[ValuesKey]!.AsObject(), this);
        return await steps[index](context, cancellationToken).ConfigureAwait(false);
    }

    internal Task<DialogTurnResult> NextAsync(DialogContext dc, int fromIndex, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, fromIndex + 1, result, cancellationToken);
}

/// <summary>What a waterfall step sees: the previous answer, the values gathered so far, and ways to move on.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;

    internal WaterfallStepContext(DialogContext dc, int index, JsonNode? options, JsonNode? result, JsonObject values, WaterfallDialog waterfall)
    {
        Context = dc;
        Index = index;
        Options = options;
        Result = result;
        Values = values;
        _waterfall = waterfall;
    }

    public DialogContext Context { get; }

    public int Index { get; }

    public JsonNode? Options { get; }

    /// <summary>The previous step's result (usually a prompt's answer).</summary>
    public JsonNode? Result { get; }

    /// <summary>Values kept for the life of this waterfall.</summary>
    public JsonObject Values { get; }

    public Task<DialogTurnResult> NextAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        _waterfall.NextAsync(Context, Index, result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string promptId, Prompts.PromptOptions options, CancellationToken cancellationToken = default) =>
        Context.BeginDialogAsync(promptId, System.Text.Json.JsonSerializer.SerializeToNode(options, ActivityJson.Options), cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        Context.EndDialogAsync(result, cancellationToken);
}
