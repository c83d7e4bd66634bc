using System.Net;
using SupportBot.Transcripts;
using static SupportBot.Tests.Endpoints.Transcripts.TranscriptsApi;

namespace SupportBot.Tests.Endpoints.Transcripts;

public sealed class TranscriptsListEndpointTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly TranscriptsApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task List_returns_401_when_the_caller_does_not_say_who_they_are()
    {
        var response = await _api.As(null).GetAsync("/api/transcripts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-SupportBot-User", (await JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_shows_a_trainer_every_agents_cases_newest_first()
    {
        var first = await _api.StoredCaseAsync(AgentA, "missing-camera", Day);
        var second = await _api.StoredCaseAsync(AgentB, "missing-camera", Day.AddHours(1));

        Assert.Equal([second, first], await _api.ListIdsAsync(Trainer));
    }

    [Fact]
    public async Task List_shows_an_agent_only_their_own_cases()
    {
        var own = await _api.StoredCaseAsync(AgentA, "missing-camera", Day);
        await _api.StoredCaseAsync(AgentB, "missing-camera", Day);

        Assert.Equal([own], await _api.ListIdsAsync(AgentA));
    }

    [Fact]
    public async Task List_lets_an_agent_filter_on_themselves()
    {
        var own = await _api.StoredCaseAsync(AgentA, "missing-camera", Day);
        await _api.StoredCaseAsync(AgentB, "missing-camera", Day);

        Assert.Equal([own], await _api.ListIdsAsync(AgentA, "?agent=" + AgentA));
    }

    [Fact]
    public async Task List_returns_403_when_an_agent_asks_for_another_agents_cases()
    {
        await _api.StoredCaseAsync(AgentB, "missing-camera", Day);

        var response = await _api.As(AgentA).GetAsync("/api/transcripts?agent=" + AgentB);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_agent_for_a_trainer()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day);
        var wanted = await _api.StoredCaseAsync(AgentB, "missing-camera", Day);

        Assert.Equal([wanted], await _api.ListIdsAsync(Trainer, "?agent=" + AgentB));
    }

    [Fact]
    public async Task List_filters_by_playbook()
    {
        var wanted = await _api.StoredCaseAsync(AgentA, "battery-belt-damage", Day);
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day);

        Assert.Equal([wanted], await _api.ListIdsAsync(Trainer, "?playbook=battery-belt-damage"));
    }

    [Fact]
    public async Task List_filters_from_the_start_of_a_date()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddMinutes(-1));
        var wanted = await _api.StoredCaseAsync(AgentA, "missing-camera", Day);

        Assert.Equal([wanted], await _api.ListIdsAsync(Trainer, "?from=2025-03-10"));
    }

    [Fact]
    public async Task List_includes_the_whole_day_of_a_to_date()
    {
        var lastMinute = await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddDays(1).AddMinutes(-1));
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddDays(1));

        Assert.Equal([lastMinute], await _api.ListIdsAsync(Trainer, "?to=2025-03-10"));
    }

    [Fact]
    public async Task List_takes_date_times_with_their_offset()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddHours(8));
        var wanted = await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddHours(10));

        // 11:30 at UTC+02:00 is 09:30 UTC: after the first case, before the second.
        Assert.Equal([wanted], await _api.ListIdsAsync(Trainer, "?from=2025-03-10T11:30:00%2B02:00"));
    }

    [Fact]
    public async Task List_filters_by_outcome_id()
    {
        var wanted = await _api.StoredCaseAsync(AgentA, "missing-camera", Day, outcome: "replacement-sent");
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day, outcome: "found-it");

        Assert.Equal([wanted], await _api.ListIdsAsync(Trainer, "?outcome=replacement-sent"));
    }

    [Fact]
    public async Task List_filters_by_status_name_as_outcome()
    {
        await _api.StoredCaseAsync(AgentA, "missing-camera", Day, CaseStatus.Completed, outcome: "found-it");
        var cancelled = await _api.StoredCaseAsync(AgentA, "missing-camera", Day, CaseStatus.Cancelled);

        Assert.Equal([cancelled], await _api.ListIdsAsync(Trainer, "?outcome=cancelled"));
    }

    [Fact]
    public async Task List_filters_by_escalated()
    {
        var escalated = await _api.StoredCaseAsync(AgentA, "missing-camera", Day, escalated: true);
        var quiet = await _api.StoredCaseAsync(AgentA, "missing-camera", Day);

        Assert.Equal([escalated], await _api.ListIdsAsync(Trainer, "?escalated=true"));
        Assert.Equal([quiet], await _api.ListIdsAsync(Trainer, "?escalated=false"));
    }

    [Fact]
    public async Task List_pages_with_limit_and_before()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _api.StoredCaseAsync(AgentA, "missing-camera", Day.AddMinutes(i)));
        }

        var firstPage = await _api.ListIdsAsync(Trainer, "?limit=2");
        var secondPage = await _api.ListIdsAsync(Trainer, $"?limit=2&before={firstPage[^1]}");

        Assert.Equal([ids[4], ids[3]], firstPage);
        Assert.Equal([ids[2], ids[1]], secondPage);
    }

    [Fact]
    public async Task List_items_carry_the_summary_contract()
    {
        var id = await _api.StoredCaseAsync(AgentA, "missing-camera", Day, escalated: true);

        var response = await _api.As(Trainer).GetAsync("/api/transcripts");
        var item = (await JsonAsync(response)).AsArray().Single()!;

        Assert.Equal(id, item["id"]!.GetValue<long>());
        Assert.Equal("missing-camera", item["playbook"]!.GetValue<string>());
        Assert.Equal(AgentA, item["agent"]!.GetValue<string>());
        Assert.Equal(Day, item["startedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, item["turns"]!.GetValue<int>());
        Assert.True(item["escalated"]!.GetValue<bool>());
        Assert.NotNull(item["conversationId"]);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=31/01/2025", "to")]
    [InlineData("?from=2025-03-11&to=2025-03-10", "from must be before to")]
    [InlineData("?escalated=maybe", "escalated")]
    [InlineData("?before=-3", "before")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=lots", "limit")]
    [InlineData("?playbook=a&playbook=b", "playbook")]
    public async Task List_returns_400_naming_the_bad_filter(string query, string expected)
    {
        var response = await _api.As(Trainer).GetAsync("/api/transcripts" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await JsonAsync(response))["error"]!.GetValue<string>());
    }
}
