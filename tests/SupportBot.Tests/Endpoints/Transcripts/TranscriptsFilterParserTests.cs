using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SupportBot.Host.Endpoints.Transcripts;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Endpoints.Transcripts;

public sealed class TranscriptsFilterParserTests
{
    private static TranscriptQuery Parse(params (string Key, string Value)[] values)
    {
        var query = new QueryCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
        Assert.True(TranscriptFilterParser.TryParseList(query, out var result, out var error), error);
        return result;
    }

    [Fact]
    public void Limit_above_the_page_cap_is_cut_to_the_cap()
    {
        Assert.Equal(TranscriptFilterParser.MaxPageSize, Parse(("limit", "100000")).Limit);
    }

    [Fact]
    public void Limit_defaults_when_absent()
    {
        Assert.Equal(TranscriptQuery.DefaultLimit, Parse().Limit);
    }

    [Fact]
    public void To_date_becomes_the_start_of_the_next_utc_day()
    {
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), Parse(("to", "2025-01-31")).To);
    }

    [Fact]
    public void Date_time_without_an_offset_is_taken_as_utc()
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 9, 30, 0, TimeSpan.Zero), Parse(("from", "2025-01-31T09:30")).From);
    }

    [Fact]
    public void Blank_values_are_no_filter()
    {
        var query = Parse(("playbook", " "), ("agent", ""), ("escalated", ""));

        Assert.Null(query.PlaybookId);
        Assert.Null(query.AgentId);
        Assert.Null(query.Escalated);
    }

    [Fact]
    public void Report_filters_ignore_the_list_only_parameters()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["playbook"] = "missing-camera", ["limit"] = "lots" });

        Assert.True(TranscriptFilterParser.TryParseReport(query, out var result, out _));
        Assert.Equal("missing-camera", result.PlaybookId);
    }
}
