using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Transcripts.Chat;

/// <summary>Cases for the chat command tests: real conversations through the harness, or summaries saved straight to the store.</summary>
internal static class SeededCases
{
    /// <summary>The agent starts <paramref name="playbook"/> and answers with <paramref name="answers"/>; returns the case id.</summary>
    public static async Task<long> ConverseAsync(BotHarness harness, string agentId, string playbook, params string[] answers)
    {
        var flow = harness.Flow("conversation-" + agentId + "-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var text in new[] { "start " + playbook }.Concat(answers))
        {
            await flow.SendAsync(new Activity { Text = text, From = new ChannelAccount { Id = agentId, Name = "Agent " + agentId } });
        }

        flow.DrainReplies();
        var cases = await harness.Transcripts.FindCasesAsync(new TranscriptQuery { AgentId = agentId, Limit = 1 }, default);
        return cases[0].Id;
    }

    /// <summary>A case summary with one recorded turn, saved as the store saves a turn.</summary>
    public static async Task<TranscriptCase> SaveAsync(BotHarness harness, TranscriptCase summary)
    {
        var entry = new TranscriptEntry(summary.ConversationKey, summary.StartedAt, TranscriptDirection.Inbound, new Activity
        {
            Type = ActivityTypes.Message,
            Text = "cust reports a problem",
            Conversation = new ConversationAccount { Id = summary.ConversationKey },
            From = new ChannelAccount { Id = summary.AgentId },
        });
        return await harness.Transcripts.AppendTurnAsync(summary, [entry], default);
    }

    public static TranscriptCase Summary(string agentId, string? playbook, DateTimeOffset startedAt) => new()
    {
        ConversationKey = "test/seeded-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = "test",
        AgentId = agentId,
        PlaybookId = playbook,
        StartedAt = startedAt,
        LastActivityAt = startedAt.AddMinutes(5),
        Turns = 1,
        Status = CaseStatus.Completed,
        OutcomeId = "default",
    };
}
