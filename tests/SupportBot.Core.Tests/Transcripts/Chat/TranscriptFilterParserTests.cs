using SupportBot.Playbooks;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Tests.Transcripts.Chat;

/// <summary>Filters are read against the repository's playbooks on Wednesday 2026-11-25 14:30 UTC, asked by "caller-1".</summary>
public class TranscriptFilterParserTests
{
    private const string Caller = "caller-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 0, TimeSpan.Zero);
    private static readonly TranscriptFilterParser Parser = new(PlaybookCatalog.Load(RepositoryPaths.Dialogs));

    private static TranscriptFilter Parse(string message)
    {
        Assert.True(TranscriptFilterParser.IsCommand(message, out var filters, out var mine), $"\"{message}\" should be a transcripts command");
        return Parser.Parse(filters, mine, Caller, Now, TimeZoneInfo.Utc);
    }

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Each phrase and the query it means; null dates stand for "no bound".</summary>
    public static TheoryData<string, TranscriptQuery> Phrases() => new()
    {
        { "transcripts battery-belt-damage last week", new() { PlaybookId = "battery-belt-damage", From = Day(11, 16), To = Day(11, 23) } },
        { "transcripts escalated yesterday", new() { Escalated = true, From = Day(11, 24), To = Day(11, 25) } },
        { "transcripts missing-camera by agent-7 since 2026-11-01", new() { PlaybookId = "missing-camera", AgentId = "agent-7", From = Day(11, 1) } },
        { "my transcripts", new() { AgentId = Caller } },
        { "transcripts cancelled this month", new() { Outcome = "Cancelled", From = Day(11, 1), To = Day(12, 1) } },
        { "transcripts", new() },
        { "transcripts today", new() { From = Day(11, 25), To = Day(11, 26) } },
        { "transcripts this week", new() { From = Day(11, 23), To = Day(11, 30) } },
        { "transcripts last month", new() { From = Day(10, 1), To = Day(11, 1) } },
        { "transcripts last 7 days", new() { From = Day(11, 19) } },
        { "transcripts past two weeks", new() { From = Day(11, 12) } },
        { "transcripts between 2026-11-01 and 2026-11-10", new() { From = Day(11, 1), To = Day(11, 11) } },
        { "transcripts from 2026-11-01 to 2026-11-05", new() { From = Day(11, 1), To = Day(11, 6) } },
        { "transcripts 2026-11-20", new() { From = Day(11, 20), To = Day(11, 21) } },
        { "transcripts on nov 3", new() { From = Day(11, 3), To = Day(11, 4) } },
        { "transcripts since nov 1", new() { From = Day(11, 1) } },
        { "transcripts before 2026-11-10", new() { To = Day(11, 10) } },
        { "transcripts until 2026-11-10", new() { To = Day(11, 11) } },
        { "transcripts not escalated", new() { Escalated = false } },
        { "transcripts completed", new() { Outcome = "Completed" } },
        { "transcripts open", new() { Outcome = "Open" } },
        { "transcripts trade-in", new() { Outcome = "trade-in" } },
        { "transcripts outcome default", new() { Outcome = "default" } },
        { "transcripts battery", new() { PlaybookId = "battery-belt-damage" } },
        { "transcripts missing camera escalated", new() { PlaybookId = "missing-camera", Escalated = true } },
        { "transcripts mine escalated", new() { AgentId = Caller, Escalated = true } },
        { "transcripts by me", new() { AgentId = Caller } },
        { "transcripts by <@U0AGENT01>", new() { AgentId = "U0AGENT01" } },
        { "transcripts by 29:1AgentMri, completed", new() { AgentId = "29:1AgentMri", Outcome = "Completed" } },
        { "show all transcripts for Battery-Belt-Damage cases", new() { PlaybookId = "battery-belt-damage" } },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Parse_reads_each_phrase_into_the_query_it_means(string message, TranscriptQuery expected)
    {
        var filter = Parse(message);

        Assert.True(filter.IsComplete, $"not understood: {string.Join(", ", filter.Unknown)} {string.Join("; ", filter.Conflicts)}");
        Assert.Equal(expected, filter.Query);
    }

    [Theory]
    [InlineData("transcripts banana last week", new[] { "banana" })]
    [InlineData("transcripts battery-belt-damage banana", new[] { "banana" })]
    [InlineData("transcripts battery wobbly escalated", new[] { "wobbly" })]
    [InlineData("transcripts by", new[] { "by" })]
    [InlineData("transcripts 12", new[] { "12" })]
    public void Parse_reports_the_words_it_did_not_understand(string message, string[] unknown)
    {
        var filter = Parse(message);

        Assert.False(filter.IsComplete);
        Assert.Equal(unknown, filter.Unknown);
    }

    [Fact]
    public void Parse_keeps_what_it_understood_beside_the_unknown_words()
    {
        var filter = Parse("transcripts banana escalated last week");

        Assert.Equal(["escalated", "started 2026-11-16 to 2026-11-22"], filter.Understood);
    }

    [Fact]
    public void Parse_asks_which_playbook_when_title_words_fit_several()
    {
        var filter = Parse("transcripts missing");

        Assert.False(filter.IsComplete);
        Assert.Equal("missing", filter.AmbiguousWords);
        Assert.Contains(filter.AmbiguousPlaybooks, p => p.Id == "missing-camera");
        Assert.Contains(filter.AmbiguousPlaybooks, p => p.Id == "payment-gateway-contact");
    }

    [Theory]
    [InlineData("transcripts completed cancelled")]
    [InlineData("transcripts escalated not escalated")]
    [InlineData("transcripts between 2026-11-01")]
    [InlineData("transcripts outcome no-such-outcome")]
    [InlineData("transcripts yesterday 2026-11-01")]
    [InlineData("transcripts between 2026-11-10 and 2026-11-01")]
    [InlineData("transcripts battery-belt-damage missing-camera")]
    [InlineData("my transcripts by agent-7")]
    public void Parse_refuses_filters_that_clash(string message)
    {
        var filter = Parse(message);

        Assert.False(filter.IsComplete);
        Assert.NotEmpty(filter.Conflicts);
    }

    [Fact]
    public void Parse_needs_a_caller_for_my_transcripts()
    {
        Assert.True(TranscriptFilterParser.IsCommand("my transcripts", out var filters, out var mine));

        var filter = Parser.Parse(filters, mine, callerId: null, Now, TimeZoneInfo.Utc);

        Assert.False(filter.IsComplete);
    }

    [Fact]
    public void Parse_counts_days_in_the_given_time_zone()
    {
        // 02:00 UTC on the 25th is still the 24th in New York (UTC-5 in November).
        var zone = TimeZoneInfo.CreateCustomTimeZone("test-minus-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");

        var filter = Parser.Parse("today", mine: false, Caller, new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), zone);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(-5)), filter.Query.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(-5)), filter.Query.To);
    }

    [Theory]
    [InlineData("transcripts", true, false)]
    [InlineData("Transcripts last week", true, false)]
    [InlineData("/transcripts escalated", true, false)]
    [InlineData("my transcripts", true, true)]
    [InlineData("show my transcripts", true, true)]
    [InlineData("transcript", true, false)]
    [InlineData("transcriptsx", false, false)]
    [InlineData("cust says the transcripts page is down", false, false)]
    [InlineData("replay 12", false, false)]
    public void IsCommand_recognises_only_messages_that_start_with_the_command(string message, bool isCommand, bool mine)
    {
        Assert.Equal(isCommand, TranscriptFilterParser.IsCommand(message, out _, out var saidMine));
        Assert.Equal(mine, saidMine);
    }
}
