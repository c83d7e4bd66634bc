using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// The template for every prompt: ask, recognise the answer, validate it, retry with a hint, and
/// give up after the allowed attempts. A new prompt kind only supplies a recogniser.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options?.Deserialize<PromptOptions>(ActivityJson.Options)
            ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, ActivityJson.Options);
        state[AttemptsKey] = 0;
        await dc.Context.SendActivityAsync(BuildPrompt(dc.Context, promptOptions, null), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = ReadOptions(instance);
        var recognition = await RecognizeAsync(dc.Context, options, cancellationToken).ConfigureAwait(false);
        var attempts = ReadAttempts(instance) + 1;
        if (recognition.Succeeded
            && (validator is null || await validator(new PromptValidatorContext<T>(dc.Context, recognition.Value!, options, attempts), cancellationToken).ConfigureAwait(false)))
        {
            return await dc.EndDialogAsync(ToResult(recognition.Value!), cancellationToken).ConfigureAwait(false);
        }

        instance.State[AttemptsKey] = attempts;
        if (attempts >= Math.Max(1, options.MaxAttempts))
        {
            return await dc.EndDialogAsync(PromptResult.Failed(), cancellationToken).ConfigureAwait(false);
        }

        await dc.Context.SendActivityAsync(BuildPrompt(dc.Context, options, recognition.Problem ?? ""), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    /// <summary>
    /// Another dialog was started on top of this prompt (an escalation taken mid-step) and has ended:
    /// ask this question again and keep waiting for its answer.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        return turnContext.SendActivityAsync(BuildPrompt(turnContext, ReadOptions(instance), null), cancellationToken);
    }

    public override string? GetHelp(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReadOptions(instance).Help;
    }

    public override string? GetAnswerHint(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return DescribeExpectedAnswer(ReadOptions(instance));
    }

    public override async Task<bool> IsClearAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return (await RecognizeAsync(turnContext, ReadOptions(instance), cancellationToken).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>Recognises the agent's answer to this prompt.</summary>
    public abstract Task<PromptRecognition<T>> RecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>One sentence on what kind of answer fits, used in help and retries.</summary>
    protected abstract string DescribeExpectedAnswer(PromptOptions options);

    protected virtual JsonNode? ToResult(T value) => JsonSerializer.SerializeToNode(value, ActivityJson.Options);

    /// <summary>The buttons shown with the prompt; none by default.</summary>
    protected virtual IEnumerable<CardAction> Buttons(PromptOptions options) => [];

    /// <param name="problem">Null for a first ask; otherwise why the last answer did not fit (may be empty).</param>
    private Activity BuildPrompt(ITurnContext turnContext, PromptOptions options, string? problem)
    {
        string text;
        if (problem is null)
        {
            text = options.Prompt;
        }
        else if (!string.IsNullOrWhiteSpace(options.RetryPrompt))
        {
            text = string.IsNullOrEmpty(problem) ? options.RetryPrompt : problem + " " + options.RetryPrompt;
        }
        else
        {
            var lead = string.IsNullOrEmpty(problem) ? "Sorry, that doesn't fit this step." : problem;
            text = $"{lead} {DescribeExpectedAnswer(options)}\n\n{options.Prompt}";
        }

        var reply = turnContext.Activity.CreateReply(text);
        reply.InputHint = "expectingInput";
        var buttons = Buttons(options).ToList();
        if (buttons.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        return reply;
    }

    private static PromptOptions ReadOptions(DialogInstance instance) =>
        instance.State[OptionsKey]?.Deserialize<PromptOptions>(ActivityJson.Options) ?? new PromptOptions();

    // Stored numbers may come back as int, long or double depending on the store; read them defensively.
    private static int ReadAttempts(DialogInstance instance) =>
        instance.State[AttemptsKey] is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d : 0;
}
