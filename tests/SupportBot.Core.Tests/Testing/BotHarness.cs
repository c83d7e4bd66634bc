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
        var bot = new TriageBot(
            DialogSetFactory.Create(catalog, dispositions is null ? null : new DispositionAdvisor(dispositions)),
            catalog,
            new PlaybookIntentRecognizer(catalog),
            new Bm25KnowledgeBase(knowledge ?? []),
            Options.Create(new TriageOptions()),
            Time,
            NullLogger<TriageBot>.Instance,
            new EscalationService(Escalations, Options.Create(new EscalationOptions
            {
                Routes = new(StringComparer.Ordinal)
                {
                    ["escalation-lead"] = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "lead-1", Timeout = TimeSpan.FromMinutes(2) }] },
                    ["tier2-engineering"] = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "engineer-1", Timeout = TimeSpan.FromMinutes(3) }] },
                },
            }), Time, NullLogger<EscalationService>.Instance));
        var pipeline = new TurnPipeline(
            new InProcessConversationGate(),
            [
                new ConversationStateMiddleware(Storage),
                new DeduplicationMiddleware(NullLogger<DeduplicationMiddleware>.Instance),
                new TranscriptMiddleware(Transcripts, new SensitiveDataRedactor(), Time),
            ],
            bot,
            Time,
            NullLogger<TurnPipeline>.Instance);
        Adapter = new TestAdapter(pipeline);
    }

    public PlaybookCatalog Catalog { get; }

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
