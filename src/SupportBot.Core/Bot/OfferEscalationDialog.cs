using System.Text.Json.Nodes;
using SupportBot.Dialogs;
using SupportBot.Dialogs.Prompts;
using SupportBot.Playbooks;

namespace SupportBot.Bot;

/// <summary>
/// Offers an escalation situation noticed in the middle of another playbook. Yes starts it on top of
/// the stack, so the interrupted playbook waits underneath and resumes at the same step when it ends;
/// no returns to the interrupted step. Options: <c>{"playbook": "id", "current": "title"}</c>.
/// </summary>
public sealed class OfferEscalationDialog : WaterfallDialog
{
    public const string DialogId = "offer-escalation";

    public OfferEscalationDialog(PlaybookCatalog catalog)
        : base(DialogId, BuildSteps(catalog))
    {
    }

    private static WaterfallStep[] BuildSteps(PlaybookCatalog catalog) =>
    [
        (step, ct) =>
        {
            var playbook = catalog.Find(step.Options!["playbook"]!.GetValue<string>())!;
            var current = step.Options["current"]?.GetValue<string>();
            return step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions
            {
                Prompt = $"That sounds like **{playbook.Title}**. Handle it now? " +
                    (current is null ? "" : $"**{current}** will wait at the same step."),
                Help = "Escalation situations have their own steps and routing. Say yes to handle it now and come back afterwards, or no to carry on where you were.",
                MaxAttempts = 2,
            }, ct);
        },
        async (step, ct) =>
        {
            if (step.Result is JsonValue yes && yes.TryGetValue<bool>(out var accepted) && accepted)
            {
                var id = step.Options!["playbook"]!.GetValue<string>();
                return await step.Context.ReplaceDialogAsync(PlaybookDialog.DialogIdFor(id), new JsonObject(), ct);
            }

            await step.Context.Context.SendActivityAsync("OK, carrying on.", ct);
            return await step.EndDialogAsync(null, ct);
        },
    ];
}
