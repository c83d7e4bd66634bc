using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Dialogs;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Recognition;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>
/// The playbooks, knowledge and recognisers a replay runs on, loaded once per run and shared by the fresh
/// bot of every transcript. The host shares these same objects between all its conversations (they hold
/// no conversation's state), so sharing them between replays changes nothing a replay can see; loading
/// them anew for each file would only make verification slower.
/// </summary>
internal sealed record ReplayContent(
    PlaybookCatalog Playbooks,
    DispositionCatalog Dispositions,
    DispositionAdvisor Advisor,
    IKnowledgeBase Knowledge,
    DialogSet Dialogs,
    IIntentRecognizer Recognizer)
{
    /// <summary>Loads the content from the host's settings.</summary>
    /// <exception cref="PlaybookValidationException">A playbook is invalid.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A content path names nothing.</exception>
    public static ReplayContent Load(IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        using var services = ReplayServices.Build(configuration, TimeProvider.System, loggerFactory);
        return new ReplayContent(
            services.GetRequiredService<PlaybookCatalog>(),
            services.GetRequiredService<DispositionCatalog>(),
            services.GetRequiredService<DispositionAdvisor>(),
            services.GetRequiredService<IKnowledgeBase>(),
            services.GetRequiredService<DialogSet>(),
            services.GetRequiredService<IIntentRecognizer>());
    }

    /// <summary>Puts the loaded objects in place of the registrations that would load them again.</summary>
    public void ReplaceIn(IServiceCollection services)
    {
        Replace(services, Playbooks);
        Replace(services, Dispositions);
        Replace(services, Advisor);
        Replace(services, Knowledge);
        Replace(services, Dialogs);
        Replace(services, Recognizer);
    }

    private static void Replace<T>(IServiceCollection services, T instance)
        where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(instance);
    }
}
