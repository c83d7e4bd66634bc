using SupportBot.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>Accepts any non-empty text.</summary>
public sealed class TextPrompt(string id = TextPrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.text";

    public override Task<PromptRecognition<string>> RecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text)
            ? PromptRecognition<string>.Failure("I need a few words here.")
            : PromptRecognition<string>.Success(text));
    }

    /// <summary>Any text answers a text question, so nothing it says is "clearly" just an answer.</summary>
    public override Task<bool> IsClearAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    protected override string DescribeExpectedAnswer(PromptOptions options) => "Type the answer in your own words.";
}
