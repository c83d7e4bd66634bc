using SupportBot.Recognition;
using SupportBot.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Files from the customer: either attached to the message, or the agent saying they have been
/// requested or are on their way (agents often cannot attach mid-ticket).
/// </summary>
public sealed class AttachmentPrompt(string id = AttachmentPrompt.DefaultId, PromptValidator<AttachmentAnswer>? validator = null)
    : Prompt<AttachmentAnswer>(id, validator)
{
    public const string DefaultId = "prompt.attachment";

    public override Task<PromptRecognition<AttachmentAnswer>> RecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Attachments is { Count: > 0 } attachments)
        {
            var names = attachments.Select(a => a.Name ?? a.ContentType ?? "file").ToList();
            return Task.FromResult(PromptRecognition<AttachmentAnswer>.Success(new AttachmentAnswer(AttachmentAnswer.Attached, names.Count, names, null)));
        }

        return Task.FromResult(AttachmentRequestRecognizer.IsRequested(activity.Text)
            ? PromptRecognition<AttachmentAnswer>.Success(new AttachmentAnswer(AttachmentAnswer.Requested, 0, [], activity.Text!.Trim()))
            : PromptRecognition<AttachmentAnswer>.Failure("I didn't see an attachment, or that the customer is sending them."));
    }

    protected override string DescribeExpectedAnswer(PromptOptions options) =>
        "Attach the files, or tell me they have been requested (for example \"cx is emailing them\").";
}

/// <summary>What the agent provided for an attachment step.</summary>
public sealed record AttachmentAnswer(string Kind, int Count, IReadOnlyList<string> Names, string? Note)
{
    public const string Attached = "attached";
    public const string Requested = "requested";
}
