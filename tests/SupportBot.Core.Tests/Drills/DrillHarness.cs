using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Drills;
using SupportBot.Knowledge;
using SupportBot.Ordering;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;
using SupportBot.Turns;

namespace SupportBot.Tests.Drills;

/// <summary>
/// The real pipeline (state, de-duplication, transcript) and the real TriageBot with the drill command
/// registered, over in-memory stores that can be handed to a second harness to play a restart.
/// </summary>
internal sealed class DrillHarness
{
    private static readonly Lazy<PlaybookCatalog> RepositoryPlaybooks = new(() => PlaybookCatalog.Load(RepositoryPaths.Dialogs));
    private static readonly Lazy<IReadOnlyList<KnowledgeEntry>> RepositoryKnowledge = new(() => KnowledgeLoader.Load(RepositoryPaths.Knowledge));

    private int _sequence;

    public DrillHarness(
        IStorage? storage = null,
        MemoryTranscriptStore? transcripts = null,
        IEnumerable<string>? trainers = null,
        IEnumerable<KnowledgeEntry>? knowledge = null,
        int questionsPerQuiz = 5,
        int seed = 7)
    {
        Storage = storage ?? new MemoryStorage();
        Transcripts = transcripts ?? new MemoryTranscriptStore();
        var catalog = RepositoryPlaybooks.Value;
        var entries = (knowledge ?? RepositoryKnowledge.Value).ToList();
        Access = new TranscriptAccess(new FixedOptionsMonitor<TrainingOptions>(new TrainingOptions { Trainers = trainers?.ToList() ?? [] }));
        Bank = new QuizBank(entries);
        Scores = new DrillScoreStore(Storage, NullLogger<DrillScoreStore>.Instance);
        var options = Options.Create(new DrillOptions { QuestionsPerQuiz = questionsPerQuiz });
        var command = new DrillCommand(
            new QuizDrill(Bank, new QuizPicker(new Random(seed)), Scores, options, Time, NullLogger<QuizDrill>.Instance),
            new RolePlayDrill(Transcripts, catalog, Access, Scores, Time, NullLogger<RolePlayDrill>.Instance),
            Scores,
            Access,
            options);
        var bot = BotHarness.CreateBot(catalog, entries, Time, commands: [command]);
        var pipeline = BotHarness.CreatePipeline(Storage, Transcripts, Time, bot);
        Adapter = new TestAdapter(pipeline);
    }

    public IStorage Storage { get; }

    public MemoryTranscriptStore Transcripts { get; }

    public TranscriptAccess Access { get; }

    public QuizBank Bank { get; }

    public DrillScoreStore Scores { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public TestAdapter Adapter { get; }

    /// <summary>Runs one turn and returns what SupportBot replied to it.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(string text, string user = "agent-1", string conversation = "drill-conversation")
    {
        Adapter.Replies.Clear();
        Time.Advance(TimeSpan.FromSeconds(20));
        await Adapter.ProcessActivityAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{conversation}-{++_sequence}",
            ChannelId = "test",
            From = new ChannelAccount { Id = user, Name = "Trainee " + user },
            Recipient = new ChannelAccount { Id = "bot", Name = "SupportBot" },
            Conversation = new ConversationAccount { Id = conversation },
            Text = text,
        }, CancellationToken.None);
        var replies = Adapter.Replies.ToList();
        foreach (var reply in replies.Where(r => r.Text?.StartsWith("**Question ", StringComparison.Ordinal) == true))
        {
            var said = reply.Text!;
            var prompt = said[(said.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            LastQuestion = Bank.Questions.Single(q => q.Prompt == prompt);
        }

        return replies;
    }

    /// <summary>The replies' texts joined, for assertions about what was said in the turn.</summary>
    public async Task<string> SayAsync(string text, string user = "agent-1", string conversation = "drill-conversation") =>
        string.Join("\n---\n", (await SendAsync(text, user, conversation)).Select(r => r.Text));

    /// <summary>The quiz question last put to the trainee, found by its text in the replies.</summary>
    public QuizQuestion? LastQuestion { get; private set; }

}

/// <summary>Options that never change, for code that takes an <see cref="IOptionsMonitor{TOptions}"/>.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
