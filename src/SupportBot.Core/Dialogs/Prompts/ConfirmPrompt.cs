using SupportBot.Activities;
using SupportBot.Recognition;
using SupportBot.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>A yes/no question that understands the many ways agents say yes and no.</summary>
public sealed class ConfirmPrompt(string id = ConfirmPrompt.DefaultId, PromptValidator<bool>? validator = null)
    : Prompt<bool>(id, validator)
{
    public const string DefaultId = "prompt.confirm";

    public override Task<PromptRecognition<bool>> RecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var answer = ConfirmRecognizer.Recognize(turnContext.Activity.Text);
        return Task.FromResult(answer is bool b
            ? PromptRecognition<bool>.Success(b)
            : PromptRecognition<bool>.Failure("I couldn't tell whether that was a yes or a no."));
    }

    protected override string DescribeExpectedAnswer(PromptOptions options) => "Answer yes or no.";

    protected override IEnumerable<CardAction> Buttons(PromptOptions options) =>
        [new CardAction { Title = "Yes", Value = "yes" }, new CardAction { Title = "No", Value = "no" }];
}
