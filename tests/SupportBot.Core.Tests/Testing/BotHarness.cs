using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot;
using SupportBot.Escalations;
using SupportBot.Knowledge;
using SupportBot.Ordering;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Turns;

namespace SupportBot.Tests.Testing;

/// <summary>The real pipeline and bot over in-memory stores, built from playbook YAML and knowledge entries.</summary>
internal sealed class BotHarness
{
    public BotHarness(PlaybookCatalog catalog, IEnumerable<KnowledgeEntry>? knowledge = null, IStorage? storage = null, DispositionCatalog? dispositions = null)
    {
        Catalog = catalog;
        Storage = storage ?? new MemoryStorage();
        var bot = CreateBot(
            catalog,
            knowledge ?? [],
            Time,
            dispositions is null ? null : new DispositionAdvisor(dispositions),
            new EscalationService(Escalations, Options.Create(new EscalationOptions
            {
                Routes = new(StringComparer.Ordinal)
                {
                    ["escalation-lead"] = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "lead-1", Timeout = TimeSpan.FromMinutes(2) }] },
                    ["tier2-engineering"] = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "engineer-1", Timeout = TimeSpan.FromMinutes(3) }] },
                },
            }), Time, NullLogger<EscalationService>.Instance));
        var pipeline = CreatePipeline(Storage, Transcripts, Time, bot);
        Adapter = new TestAdapter(pipeline);
    }

    public PlaybookCatalog Catalog { get; }

    /// <summary>The bot the host runs, with in-memory collaborators; <paramref name="commands"/> as the host registers them.</summary>
    public static TriageBot CreateBot(
        PlaybookCatalog catalog,
        IEnumerable<KnowledgeEntry> knowledge,
        TimeProvider time,
        DispositionAdvisor? dispositions = null,
        EscalationService? escalations = null,
        IEnumerable<IChatCommand>? commands = null) => new(
            DialogSetFactory.Create(catalog, dispositions),
            catalog,
            new PlaybookIntentRecognizer(catalog),
            new Bm25KnowledgeBase(knowledge),
            Options.Create(new TriageOptions()),
            time,
            NullLogger<TriageBot>.Instance,
            escalations,
            commands);

    /// <summary>The host's middleware onion (state, de-duplication, transcript) around <paramref name="bot"/>.</summary>
    public static TurnPipeline CreatePipeline(IStorage storage, ITranscriptStore transcripts, TimeProvider time, IBot bot) => new(
        new InProcessConversationGate(),
        [
            new ConversationStateMiddleware(storage),
            new DeduplicationMiddleware(NullLogger<DeduplicationMiddleware>.Instance),
            new TranscriptMiddleware(transcripts, new SensitiveDataRedactor(), time),
        ],
        bot,
        time,
        NullLogger<TurnPipeline>.Instance);

    public IStorage Storage { get; }

    public MemoryTranscriptStore Transcripts { get; } = new();

    public MemoryEscalationStore Escalations { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public TestAdapter Adapter { get; }

    public TestFlow Flow(string conversationId = "test-conversation") => new(this, conversationId);

    public static BotHarness FromYaml(params string[] playbooks) =>
        new(new PlaybookCatalog(playbooks.Select(TestPlaybooks.Parse)));

    /// <summary>The repository's real playbooks and knowledge seeds.</summary>
    public static BotHarness FromRepository()
    {
        var dispositions = DispositionCatalog.Load(RepositoryPaths.Dispositions);
        return new(
            PlaybookCatalog.Load(RepositoryPaths.Dialogs),
            KnowledgeLoader.Load(RepositoryPaths.Knowledge).Concat(dispositions.AsKnowledge()),
            dispositions: dispositions);
    }
}
