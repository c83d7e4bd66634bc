using SupportBot.Bot;
using SupportBot.Host.Hosting;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Recognition;

namespace SupportBot.Host.Cli;

/// <summary>
/// Playbooks, knowledge and recognisers loaded from the same settings as the host, without opening the
/// database, so evaluation commands run beside a live host.
/// </summary>
internal sealed class OfflineContent
{
    private OfflineContent(PlaybookCatalog catalog, IKnowledgeBase knowledge, TriageOptions triage)
    {
        Catalog = catalog;
        Knowledge = knowledge;
        Triage = triage;
        Recognizer = new PlaybookIntentRecognizer(catalog);
    }

    public PlaybookCatalog Catalog { get; }

    public IKnowledgeBase Knowledge { get; }

    public IIntentRecognizer Recognizer { get; }

    public TriageOptions Triage { get; }

    public static OfflineContent Load(string[] configurationArgs)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configurationArgs)
            .Build();
        var dialogs = configuration.GetSection(DialogsOptions.SectionName).Get<DialogsOptions>() ?? new DialogsOptions();
        var knowledge = configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        var triage = configuration.GetSection(TriageOptions.SectionName).Get<TriageOptions>() ?? new TriageOptions();
        return new OfflineContent(
            PlaybookCatalog.Load(ContentPaths.Resolve(dialogs.Path)),
            new Bm25KnowledgeBase(KnowledgeLoader.Load(ContentPaths.Resolve(knowledge.Path))
                .Concat(DispositionCatalog.Load(ContentPaths.Resolve(knowledge.DispositionsPath)).AsKnowledge())),
            triage);
    }

    /// <summary>
    /// The decision the bot would take on a new message: the playbook it starts or offers first, or none
    /// (a command, or a question it answers from knowledge instead).
    /// </summary>
    public (string Intent, double Confidence) Decide(string text)
    {
        var route = TriageRules.Route(text, Recognizer, Knowledge, Triage);
        return (route.Decision.PlaybookId ?? Recognition.Evaluation.LabelledUtterance.None, route.Decision.Confidence);
    }
}
