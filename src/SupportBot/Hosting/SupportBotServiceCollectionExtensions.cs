using Microsoft.Extensions.Options;
using SupportBot.Bot;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Replay;
using SupportBot.Knowledge;
using SupportBot.Ordering;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.State;
using SupportBot.Storage.LiteDb;
using SupportBot.Transcripts;
using SupportBot.Turns;

namespace SupportBot.Host.Hosting;

public static class SupportBotServiceCollectionExtensions
{
    /// <summary>
    /// Everything a SupportBot turn needs, shared by the web host and the terminal chat: storage,
    /// playbooks, knowledge, the bot and the middleware onion (state, de-duplication, transcript).
    /// </summary>
    public static IServiceCollection AddSupportBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingletonTimeProvider();
        services.AddLiteDbStorage(configuration);

        services.AddOptions<DialogsOptions>().Bind(configuration.GetSection(DialogsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DialogsOptions>, ContentOptionsValidator>();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>, ContentOptionsValidator>();

        services.AddSingleton(sp => PlaybookCatalog.Load(ContentPaths.Resolve(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path)));
        services.AddSingleton(sp => DispositionCatalog.Load(ContentPaths.Resolve(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.DispositionsPath)));
        services.AddSingleton<DispositionAdvisor>();
        // The knowledge seeds are read once: answers and the quiz bank share them.
        services.AddSingleton<IReadOnlyList<KnowledgeEntry>>(sp =>
            KnowledgeLoader.Load(ContentPaths.Resolve(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path)));
        services.AddSingleton<IKnowledgeBase>(sp => new Bm25KnowledgeBase(
            sp.GetRequiredService<IReadOnlyList<KnowledgeEntry>>()
                .Concat(sp.GetRequiredService<DispositionCatalog>().AsKnowledge())));
        services.AddSingleton(sp => DialogSetFactory.Create(sp.GetRequiredService<PlaybookCatalog>(), sp.GetRequiredService<DispositionAdvisor>()));
        services.AddSingleton<IIntentRecognizer, PlaybookIntentRecognizer>();
        services.AddSingleton<IBot, TriageBot>();

        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<OutboxDispatcher>();

        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>();
        services.AddSingleton<TranscriptAccess>();

        // Drills: quiz and role-play for trainees, scores kept in IStorage.
        services.AddOptions<SupportBot.Drills.DrillOptions>().Bind(configuration.GetSection(SupportBot.Drills.DrillOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SupportBot.Drills.QuizBank(
            sp.GetRequiredService<IReadOnlyList<KnowledgeEntry>>(),
            sp.GetRequiredService<IOptions<SupportBot.Drills.DrillOptions>>().Value.MaxAnswerWords));
        services.AddSingleton(_ => new SupportBot.Drills.QuizPicker(Random.Shared));
        services.AddSingleton<SupportBot.Drills.DrillScoreStore>();
        services.AddSingleton<SupportBot.Drills.QuizDrill>();
        services.AddSingleton<SupportBot.Drills.RolePlayDrill>();
        services.AddSingleton<IChatCommand, SupportBot.Drills.DrillCommand>();

        // Trainer chat commands
        services.AddTrainerChatCommands(configuration);

        services.AddSingleton<IConversationGate, InProcessConversationGate>();
        services.AddSingleton<SensitiveDataRedactor>();

        // Order matters: state is loaded first and saved last; duplicates are dropped before anything
        // is recorded; the transcript sees the turn's replies on the way out.
        services.AddSingleton<SupportBot.Turns.IMiddleware, ConversationStateMiddleware>();
        services.AddSingleton<SupportBot.Turns.IMiddleware, DeduplicationMiddleware>();
        services.AddSingleton<SupportBot.Turns.IMiddleware, TranscriptMiddleware>();
        services.AddSingleton<TurnPipeline>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
