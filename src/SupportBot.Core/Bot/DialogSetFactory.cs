using SupportBot.Dialogs;
using SupportBot.Dialogs.Prompts;
using SupportBot.Knowledge;
using SupportBot.Playbooks;

namespace SupportBot.Bot;

/// <summary>Builds the dialogs every conversation can use: the prompts, one dialog per playbook, and the playbook chooser.</summary>
public static class DialogSetFactory
{
    public static DialogSet Create(PlaybookCatalog catalog, DispositionAdvisor? dispositions = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var set = new DialogSet()
            .Add(new TextPrompt())
            .Add(new ChoicePrompt())
            .Add(new ConfirmPrompt())
            .Add(new NumberPrompt())
            .Add(new AttachmentPrompt())
            .Add(new ChoosePlaybookDialog(catalog))
            .Add(new OfferEscalationDialog(catalog));
        foreach (var playbook in catalog.Playbooks)
        {
            set.Add(new PlaybookDialog(playbook, dispositions));
        }

        return set;
    }
}
