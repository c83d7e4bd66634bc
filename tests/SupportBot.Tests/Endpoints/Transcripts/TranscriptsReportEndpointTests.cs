using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Transcripts;
using static SupportBot.Tests.Endpoints.Transcripts.TranscriptsApi;

namespace SupportBot.Tests.Endpoints.Transcripts;

public sealed class TranscriptsReportEndpointTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly TranscriptsApi _api = new();

    public void Dispose() => _api.Dispose();

    private async Task<JsonNode> ReportAsync(string query = "")
    {
        var response = await _api.As(Trainer).GetAsync("/api/reports/dispositions" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static JsonNode Row(JsonNode report, string disposition) =>
        report["rows"]!.AsArray().Single(r => r!["disposition"]!.GetValue<string>() == disposition)!;

    [Fact]
    public async Task Report_counts_a_real_conversation_where_the_agent_took_the_suggestion()
    {
        await _api.BatteryBeltCaseAsync("report-taken", AgentA, disposition: "1");

        var report = await ReportAsync();

        Assert.Equal(1, report["cases"]!.GetValue<int>());
        Assert.Equal(1, report["taken"]!.GetValue<int>());
        var row = report["rows"]!.AsArray().Single()!;
        Assert.Equal(1.0, row["takenRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task Report_shows_what_was_chosen_instead_and_the_confidence_when_replaced()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day, disposition: new DispositionDecision("Tech > Lost", 0.9, "Tech > Lost"));
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day, disposition: new DispositionDecision("Tech > Lost", 0.6, "Tech > Found"));

        var row = Row(await ReportAsync(), "Tech > Lost");

        Assert.Equal(2, row["suggested"]!.GetValue<int>());
        Assert.Equal(0.5, row["takenRate"]!.GetValue<double>());
        Assert.Equal(0.6, row["meanConfidenceWhenReplaced"]!.GetValue<double>());
        Assert.Equal("Tech > Found", row["chosenInstead"]![0]!["disposition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_has_confidence_bands()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day, disposition: new DispositionDecision("Tech > Lost", 0.95, "Tech > Lost"));

        var bands = (await ReportAsync())["bands"]!.AsArray();

        var top = bands.Single(b => b!["from"]!.GetValue<double>() == 0.9)!;
        Assert.Equal(1, top["suggested"]!.GetValue<int>());
        Assert.Equal(1, top["taken"]!.GetValue<int>());
    }

    [Fact]
    public async Task Report_narrows_to_a_playbook_and_dates()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day, disposition: new DispositionDecision("Tech > Lost", 0.9, "Tech > Lost"));
        await _api.StoredCaseAsync(AgentA, "battery-belt-damage", Day, disposition: new DispositionDecision("Tech > Belt", 0.9, "Tech > Belt"));
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddDays(-2), disposition: new DispositionDecision("Tech > Old", 0.9, "Tech > Old"));

        var report = await ReportAsync("?playbook=missing-camera&from=2025-03-10&to=2025-03-10");

        Assert.Equal("Tech > Lost", report["rows"]!.AsArray().Single()!["disposition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_is_refused_to_an_agent()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(AgentA).GetAsync("/api/reports/dispositions")).StatusCode);
    }

    [Fact]
    public async Task Report_returns_401_without_a_caller()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.As(null).GetAsync("/api/reports/dispositions")).StatusCode);
    }

    [Fact]
    public async Task Report_returns_400_for_a_bad_date()
    {
        var response = await _api.As(Trainer).GetAsync("/api/reports/dispositions?from=last-week");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", (await JsonAsync(response))["error"]!.GetValue<string>());
    }
}
