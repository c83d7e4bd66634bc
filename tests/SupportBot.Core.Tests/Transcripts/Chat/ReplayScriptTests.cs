using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Playbooks;
using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Tests.Transcripts.Chat;

public class ReplayScriptTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Turn_shows_the_agents_message_the_replies_with_choices_and_where_the_dialog_stood()
    {
        var harness = BotHarness.FromRepository();
        var id = await SeededCases.ConverseAsync(harness, "agent-1", "battery-belt-damage", "cx is emailing the pics", "no");
        var turns = TranscriptTurn.Group(await harness.Transcripts.GetCaseEntriesAsync(id, default));

        var third = ReplayScript.Messages(turns)[2];

        var lines = third.Split('\n');
        Assert.Equal("**Turn 3 of 3** · 09:00:00 UTC", lines[0]);
        Assert.Equal("**Agent:** no", lines[1]);
        Assert.StartsWith("**SupportBot:** Which camera was the belt used with?", lines[2]);
        Assert.StartsWith("  Choices: Reveal SK · Reveal XB · Reveal X-Pro", lines[3]);
        Assert.StartsWith("**Now at:** step `camera-model` of battery-belt-damage · **Collected:** ", lines[^1]);
        Assert.Contains("safety_concern = false", lines[^1]);
    }

    [Fact]
    public void Turn_names_an_event_and_says_when_nothing_was_replied()
    {
        var notice = new TranscriptEntry("test/c", At, TranscriptDirection.Inbound, new Activity
        {
            Type = ActivityTypes.Event,
            Name = "supportbot/escalation",
            Value = new JsonObject { ["text"] = "Escalation #4 was acknowledged." },
        });

        var text = ReplayScript.Turn(new TranscriptTurn(2, notice, []), of: 2);

        Assert.Equal("**Turn 2 of 2** · 09:00:00 UTC\n**Event** supportbot/escalation: Escalation #4 was acknowledged.\n**SupportBot:** (no reply)", text);
    }

    [Fact]
    public void Header_gives_the_cases_facts_and_its_disposition()
    {
        var catalog = PlaybookCatalog.Load(RepositoryPaths.Dialogs);
        var summary = new TranscriptCase
        {
            Id = 7,
            ConversationKey = "msteams/a:1",
            ChannelId = "msteams",
            AgentId = "29:agent",
            AgentName = "Sample Agent",
            PlaybookId = "missing-camera",
            StartedAt = At,
            LastActivityAt = At.AddMinutes(6),
            Turns = 5,
            Escalated = true,
            Status = CaseStatus.Completed,
            OutcomeId = "default",
            Disposition = new DispositionDecision("Shipping - Missing Item", 0.82, "Shipping - Missing Item"),
        };

        var header = ReplayScript.Header(summary, turnCount: 5, catalog);

        Assert.Equal(
            "**Replay of case #7**: missing-camera (Camera missing from a website order)\n" +
            "Agent 29:agent (Sample Agent) · msteams · started 2026-11-02 09:00 UTC · last activity 2026-11-02 09:06 UTC\n" +
            "5 turns · escalated · completed: default · disposition suggested Shipping - Missing Item (82%), chosen Shipping - Missing Item\n" +
            "The 5 recorded turns follow one by one. Say `stop replay` to stop.",
            header);
    }

    [Fact]
    public void Messages_stop_at_the_cap_and_the_header_says_so()
    {
        var turns = Enumerable.Range(1, ReplayScript.MaxTurns + 1)
            .Select(n => new TranscriptTurn(n, new TranscriptEntry("test/c", At, TranscriptDirection.Inbound, new Activity { Text = "message " + n }), []))
            .ToList();
        var summary = new TranscriptCase { Id = 3, ConversationKey = "test/c", StartedAt = At, LastActivityAt = At };

        var messages = ReplayScript.Messages(turns);
        var header = ReplayScript.Header(summary, turns.Count, new PlaybookCatalog([]));

        Assert.Equal(ReplayScript.MaxTurns, messages.Count);
        Assert.Contains($"The first {ReplayScript.MaxTurns} of {ReplayScript.MaxTurns + 1} recorded turns follow", header);
    }
}
