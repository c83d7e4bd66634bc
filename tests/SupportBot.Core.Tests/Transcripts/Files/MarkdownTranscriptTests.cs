using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Tests.Transcripts.Files;

public class MarkdownTranscriptTests
{
    [Fact]
    public async Task Write_StartsWithTheCaseFacts()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var page = MarkdownTranscript.Write(recorded.Case, recorded.Entries);

        Assert.StartsWith($"# Case {recorded.Case.Id}: device-check\n", page, StringComparison.Ordinal);
        Assert.Contains("| Agent | Test Agent (agent-1) |", page, StringComparison.Ordinal);
        Assert.Contains("| Status | completed |", page, StringComparison.Ordinal);
        Assert.Contains("| Started | 2026-11-02 09:00:00 UTC |", page, StringComparison.Ordinal);
        Assert.Contains("| Escalated | no |", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_SaysWhichDispositionWasSuggestedAndThatTheAgentTookIt()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var page = MarkdownTranscript.Write(recorded.Case, recorded.Entries);

        Assert.Contains("| Disposition | suggested Tech Support > Device Check (confidence 0.90), taken |", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SaysWhatReplacedASuggestedDisposition()
    {
        var transcriptCase = new TranscriptCase
        {
            Id = 8,
            ConversationKey = "test/c",
            Status = CaseStatus.Completed,
            Disposition = new DispositionDecision("Tech Support > Device Check", 0.62, "Tech Support > Safety"),
        };

        var page = MarkdownTranscript.Write(transcriptCase, []);

        Assert.Contains("| Disposition | suggested Tech Support > Device Check (confidence 0.62), replaced by Tech Support > Safety |", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ShowsEachTurnWithTheAgentsMessageAndSupportBotsReply()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var page = MarkdownTranscript.Write(recorded.Case, recorded.Entries);

        var turn3 = Section(page, "## Turn 3 ");
        Assert.Contains("**Agent** (Test Agent):\n\n> Beta Two\n", turn3, StringComparison.Ordinal);
        Assert.Contains("**SupportBot:**\n\n> How many units?", turn3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ListsSuggestedActionsAsChoicesUnderTheReply()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var page = MarkdownTranscript.Write(recorded.Case, recorded.Entries);

        var turn2 = Section(page, "## Turn 2 ");
        Assert.Contains("> Which model?\n>\n> Choices:\n> - Alpha One\n> - Beta Two\n> - Gamma Max\n", turn2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ShowsTheStepAndTheFieldsCollectedAfterEachTurn()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var page = MarkdownTranscript.Write(recorded.Case, recorded.Entries);

        var turn4 = Section(page, "## Turn 4 ");
        Assert.Contains("_Playbook_ `device-check`, waiting at step `injured`. Fields collected:", turn4, StringComparison.Ordinal);
        Assert.Contains("- `model`: beta-two\n", turn4, StringComparison.Ordinal);
        Assert.Contains("- `count`: 2\n", turn4, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_KeepsAPipeInATypedAnswerFromBreakingTheFieldList()
    {
        var recorded = await RecordedCase.DeviceCheckAsync();

        var page = MarkdownTranscript.Write(recorded.Case, recorded.Entries);

        Assert.Contains("> unit rattles | loose screw\n", Section(page, "## Turn 6 "), StringComparison.Ordinal);
        Assert.Contains("- `notes`: unit rattles \\| loose screw\n", Section(page, "## Turn 6 "), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NamesAnEventInsteadOfQuotingText()
    {
        var transcriptCase = new TranscriptCase { Id = 4, ConversationKey = "test/c", StartedAt = DateTimeOffset.UnixEpoch };
        var entries = new[]
        {
            new TranscriptEntry("test/c", DateTimeOffset.UnixEpoch, TranscriptDirection.Inbound,
                new Activity { Type = ActivityTypes.ConversationUpdate, From = new() { Id = "agent-9" } }),
        };

        var page = MarkdownTranscript.Write(transcriptCase, entries);

        Assert.Contains("**agent-9** sent a `conversationUpdate`", page, StringComparison.Ordinal);
        Assert.Contains("# Case 4: no playbook", page, StringComparison.Ordinal);
    }

    private static string Section(string page, string heading)
    {
        var start = page.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section '{heading}' in:\n{page}");
        var end = page.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }
}
