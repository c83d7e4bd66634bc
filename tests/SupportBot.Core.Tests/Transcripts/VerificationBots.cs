using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Escalations;
using SupportBot.Knowledge;
using SupportBot.Ordering;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.Recognition.Entities;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;
using SupportBot.Transcripts.Verification;
using SupportBot.Turns;

namespace SupportBot.Tests.Transcripts;

/// <summary>
/// Fresh bots for verification tests (the real pipeline and <see cref="TriageBot"/> over in-memory stores,
/// on the replay's clock), and a recorder that turns scripted messages into <c>.transcript</c> content.
/// </summary>
internal static class VerificationBots
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 14, 5, 0, TimeSpan.Zero);

    public static PlaybookCatalog Catalog(params string[] playbooks) => new(playbooks.Select(TestPlaybooks.Parse));

    public static ReplayBotFactory Triage(PlaybookCatalog catalog, IEnumerable<KnowledgeEntry>? knowledge = null) => clock =>
    {
        var escalations = new EscalationService(new MemoryEscalationStore(), Options.Create(new EscalationOptions
        {
            Routes = new(StringComparer.Ordinal)
            {
                ["escalation-lead"] = new RouteOptions { Destinations = ["local"], Chain = [new() { Member = "lead-1", Timeout = TimeSpan.FromMinutes(2) }] },
            },
        }), clock, NullLogger<EscalationService>.Instance);
        var bot = new TriageBot(
            DialogSetFactory.Create(catalog, null),
            catalog,
            new PlaybookIntentRecognizer(catalog),
            new Bm25KnowledgeBase(knowledge ?? []),
            Options.Create(new TriageOptions()),
            clock,
            NullLogger<TriageBot>.Instance,
            escalations);
        return Over(bot, clock);
    };

    /// <summary>The real pipeline around any bot.</summary>
    public static ReplayBot Over(IBot bot, TimeProvider clock)
    {
        var transcripts = new MemoryTranscriptStore();
        var pipeline = new TurnPipeline(
            new InProcessConversationGate(),
            [
                new ConversationStateMiddleware(new MemoryStorage()),
                new DeduplicationMiddleware(NullLogger<DeduplicationMiddleware>.Instance),
                new TranscriptMiddleware(transcripts, new SensitiveDataRedactor(), clock),
            ],
            bot,
            clock,
            NullLogger<TurnPipeline>.Instance);
        return new ReplayBot(pipeline, transcripts);
    }

    /// <summary>
    /// Sends the messages (a minute apart) through a fresh bot and returns the conversation as it reads back
    /// from a <c>.transcript</c> file, the way verification gets it.
    /// </summary>
    public static async Task<TranscriptFileContent> RecordAsync(ReplayBotFactory factory, params string[] messages)
    {
        var clock = new ReplayClock(Start);
        await using var bot = factory(clock);
        for (var i = 0; i < messages.Length; i++)
        {
            clock.Set(Start.AddMinutes(i));
            await bot.RunTurnAsync(Message(messages[i], i + 1, clock.GetUtcNow()), CancellationToken.None);
        }

        var entries = await bot.Transcripts.GetAsync("test/verify-conversation", CancellationToken.None);
        var transcriptCase = await bot.Transcripts.GetCaseAsync(entries.First(e => e.CaseId != 0).CaseId, CancellationToken.None);
        return BotFrameworkTranscript.Read(BotFrameworkTranscript.Write(transcriptCase!, entries), "recorded.transcript");
    }

    public static Activity Message(string text, int number, DateTimeOffset timestamp) => new()
    {
        Type = ActivityTypes.Message,
        Id = "message-" + number,
        Timestamp = timestamp,
        ChannelId = "test",
        From = new ChannelAccount { Id = "agent-1", Name = "Test Agent" },
        Recipient = new ChannelAccount { Id = "bot", Name = "SupportBot" },
        Conversation = new ConversationAccount { Id = "verify-conversation" },
        Text = text,
    };

    /// <summary>The recording with one reply's text replaced, as if the bot had said something else then.</summary>
    public static TranscriptFileContent WithReplyText(TranscriptFileContent recorded, string from, string to)
    {
        var entries = recorded.Entries.Select(e =>
        {
            if (e.Direction != TranscriptDirection.Outbound || e.Activity.Text?.Contains(from, StringComparison.Ordinal) != true)
            {
                return e;
            }

            var copy = ActivityJson.Deserialize(ActivityJson.Serialize(e.Activity));
            copy.Text = copy.Text!.Replace(from, to, StringComparison.Ordinal);
            return e with { Activity = copy };
        }).ToList();
        return recorded with { Entries = entries };
    }

    /// <summary>Replies with what "yesterday" means on the bot's clock.</summary>
    public sealed class YesterdayBot(TimeProvider clock) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var date = EntityRecognizer.Default
                .Recognize("yesterday", EntityContext.Utc(clock.GetUtcNow()))
                .Single().Value;
            return turnContext.SendActivityAsync("Yesterday was " + date + ".", cancellationToken);
        }
    }
}
