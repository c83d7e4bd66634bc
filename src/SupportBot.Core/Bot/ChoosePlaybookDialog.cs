using System.Text.Json.Nodes;
using SupportBot.Dialogs;
using SupportBot.Dialogs.Prompts;
using SupportBot.Playbooks;

namespace SupportBot.Bot;

/// <summary>
/// Offers the agent a short list of playbooks when the description fits more than one (or none well),
/// then starts the one picked. Options: <c>{"candidates": ["id", ...], "intro": "..."}</c>.
/// </summary>
public sealed class ChoosePlaybookDialog : WaterfallDialog
{
    public const string DialogId = "choose-playbook";
    private const string NoneValue = "none";
    private static readonly string[] YesWords = ["yes", "yep", "yeah", "yup", "y", "correct", "that's it", "thats it", "that one"];
    private static readonly string[] NoWords = ["no", "nope", "nah", "n", "not that", "not it"];

    public ChoosePlaybookDialog(PlaybookCatalog catalog)
        : base(DialogId, BuildSteps(catalog))
    {
    }

    private static WaterfallStep[] BuildSteps(PlaybookCatalog catalog) =>
    [
        (step, ct) =>
        {
            var ids = step.Options?["candidates"]?.AsArray().Select(n => n!.GetValue<string>()).ToList()
                ?? catalog.Playbooks.Select(p => p.Id).ToList();
            var playbooks = ids.Select(catalog.Find).OfType<PlaybookDefinition>().ToList();

            // A single suggestion is asked as "Is it?", so a plain yes or no has to answer it.
            var single = playbooks.Count == 1;
            var choices = playbooks
                .Select(p => new Choice { Value = p.Id, Label = p.Title, Synonyms = single ? [p.Id, .. YesWords] : [p.Id] })
                .Append(new Choice { Value = NoneValue, Label = "None of these", Synonyms = single ? ["none", "neither", "something else", .. NoWords] : ["none", "neither", "something else"] })
                .ToList();
            return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
            {
                Prompt = step.Options?["intro"]?.GetValue<string>() ?? "Which playbook fits?",
                Help = "I start the playbook you pick and walk you through it step by step. Pick \"None of these\" and describe the situation in other words if nothing fits.",
                Choices = choices,
                MaxAttempts = 2,
            }, ct);
        },
        async (step, ct) =>
        {
            var picked = PromptResult.IsFailed(step.Result) ? null : step.Result?.GetValue<string>();
            if (picked is null || picked == NoneValue)
            {
                await step.Context.Context.SendActivityAsync(
                    "OK. Describe the situation in a few words (what the customer reports), or type \"playbooks\" for the full list.", ct);
                return await step.EndDialogAsync(null, ct);
            }

            return await step.Context.ReplaceDialogAsync(PlaybookDialog.DialogIdFor(picked), new JsonObject(), ct);
        },
    ];
}
