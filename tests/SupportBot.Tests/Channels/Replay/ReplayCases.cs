using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Channels.Replay;

/// <summary>Recorded cases for the replay tests, saved the way the transcript middleware saves them.</summary>
internal static class ReplayCases
{
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A case of <paramref name="turns"/> turns by <paramref name="agentId"/>: turn N is the agent's "agent message N"
    /// answered by "bot reply N" (the second reply also offering Yes / No), with the dialog at step "step-N".
    /// </summary>
    public static async Task<TranscriptCase> SaveAsync(IServiceProvider services, string agentId, int turns)
    {
        var key = "slack/D0SEEDED" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var entries = new List<TranscriptEntry>();
        for (var n = 1; n <= turns; n++)
        {
            var at = StartedAt.AddMinutes(n);
            var snapshot = new TurnSnapshot("battery-belt-damage", "step-" + n, new JsonObject { ["photos"] = "requested" });
            entries.Add(new TranscriptEntry(key, at, TranscriptDirection.Inbound, new Activity { Type = ActivityTypes.Message, Text = "agent message " + n }, Snapshot: snapshot));
            entries.Add(new TranscriptEntry(key, at, TranscriptDirection.Outbound, new Activity
            {
                Type = ActivityTypes.Message,
                Text = "bot reply " + n,
                SuggestedActions = n == 2 ? new SuggestedActions { Actions = [new CardAction { Title = "Yes" }, new CardAction { Title = "No" }] } : null,
            }));
        }

        var summary = new TranscriptCase
        {
            ConversationKey = key,
            ChannelId = "slack",
            AgentId = agentId,
            PlaybookId = "battery-belt-damage",
            StartedAt = StartedAt,
            LastActivityAt = StartedAt.AddMinutes(turns),
            Turns = turns,
            Status = CaseStatus.Open,
        };
        return await services.GetRequiredService<ITranscriptStore>().AppendTurnAsync(summary, entries, default);
    }

    /// <summary>Polls (bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Gave up waiting until " + what + ".");
            }

            await Task.Delay(20);
        }
    }
}
