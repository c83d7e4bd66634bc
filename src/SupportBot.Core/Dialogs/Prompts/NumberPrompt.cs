using System.Globalization;
using SupportBot.Recognition;
using SupportBot.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>A number, written in digits or words, optionally within a range.</summary>
public sealed class NumberPrompt(string id = NumberPrompt.DefaultId, PromptValidator<decimal>? validator = null)
    : Prompt<decimal>(id, validator)
{
    public const string DefaultId = "prompt.number";

    public override Task<PromptRecognition<decimal>> RecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        if (NumberRecognizer.Recognize(turnContext.Activity.Text) is not decimal number)
        {
            return Task.FromResult(PromptRecognition<decimal>.Failure("I couldn't find a number in that."));
        }

        if (number < options.Min || number > options.Max)
        {
            return Task.FromResult(PromptRecognition<decimal>.Failure(
                $"{number.ToString(CultureInfo.InvariantCulture)} is out of range."));
        }

        return Task.FromResult(PromptRecognition<decimal>.Success(number));
    }

    protected override string DescribeExpectedAnswer(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.Min, options.Max) switch
        {
            (decimal min, decimal max) => $"Give a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.",
            (decimal min, null) => $"Give a number of at least {min.ToString(CultureInfo.InvariantCulture)}.",
            (null, decimal max) => $"Give a number no higher than {max.ToString(CultureInfo.InvariantCulture)}.",
            _ => "Give a number.",
        };
    }
}
