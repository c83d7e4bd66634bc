using SupportBot.Activities;
using SupportBot.Recognition;
using SupportBot.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// One option from a list. Accepts the option's number, its label or value, a synonym, or a
/// near-miss spelling; the result is the option's value.
/// </summary>
public sealed class ChoicePrompt(string id = ChoicePrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.choice";

    public override Task<PromptRecognition<string>> RecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var choices = options.Choices ?? [];
        var match = ChoiceRecognizer.Recognize(turnContext.Activity.Text, choices);
        return Task.FromResult(match.Choice is { } choice
            ? PromptRecognition<string>.Success(choice.Value)
            : PromptRecognition<string>.Failure(match.Ambiguous.Count > 1
                ? $"That could be {string.Join(" or ", match.Ambiguous.Select(c => c.Label))}."
                : "That isn't one of the options."));
    }

    protected override string DescribeExpectedAnswer(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var list = string.Join(", ", (options.Choices ?? []).Select((c, i) => $"{i + 1}. {c.Label}"));
        return $"Pick one by number or name: {list}.";
    }

    protected override IEnumerable<CardAction> Buttons(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.Choices ?? []).Select(c => new CardAction { Title = c.Label, Value = c.Label });
    }
}
