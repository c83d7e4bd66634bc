using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Endpoints;
using static SupportBot.Tests.Endpoints.Transcripts.TranscriptsApi;

namespace SupportBot.Tests.Endpoints.Transcripts;

public sealed class TranscriptsDetailEndpointTests : IDisposable
{
    private readonly TranscriptsApi _api = new();

    public void Dispose() => _api.Dispose();

    private async Task<long> BatteryBeltCaseIdAsync(string agent)
    {
        await _api.BatteryBeltCaseAsync("detail-" + agent, agent);
        return (await _api.ListIdsAsync(Trainer, "?agent=" + agent)).Single();
    }

    private async Task<JsonNode> DetailAsync(long id, string userId)
    {
        var response = await _api.As(userId).GetAsync($"/api/transcripts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Detail_has_one_turn_per_agent_message_with_what_was_said_and_answered()
    {
        var id = await BatteryBeltCaseIdAsync(AgentA);

        var detail = await DetailAsync(id, Trainer);

        var turns = detail["turns"]!.AsArray();
        Assert.Equal(BatteryBeltAnswers.Length + 1, turns.Count);
        Assert.Equal(id, detail["case"]!["id"]!.GetValue<long>());
        Assert.Equal("completed", detail["case"]!["status"]!.GetValue<string>());
        Assert.Equal(1, turns[0]!["number"]!.GetValue<int>());
        Assert.Equal(BatteryBeltAnswers[0], turns[0]!["inbound"]!["text"]!.GetValue<string>());
        Assert.Equal(AgentA, turns[0]!["inbound"]!["from"]!["id"]!.GetValue<string>());
        Assert.Contains("battery belt", turns[0]!["replies"]![0]!["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Detail_snapshot_shows_the_step_waiting_and_the_fields_collected_after_each_turn()
    {
        var id = await BatteryBeltCaseIdAsync(AgentA);

        var turns = (await DetailAsync(id, Trainer))["turns"]!.AsArray();

        var first = turns[0]!["snapshot"]!;
        var second = turns[1]!["snapshot"]!;
        Assert.Equal("battery-belt-damage", first["playbookId"]!.GetValue<string>());
        Assert.Equal("request-photos", first["stepId"]!.GetValue<string>());
        Assert.Null(first["fields"]!["photos"]);
        Assert.Equal("safety-check", second["stepId"]!.GetValue<string>());
        Assert.NotNull(second["fields"]!["photos"]);
    }

    [Fact]
    public async Task Detail_lists_suggested_action_titles_of_a_reply()
    {
        var id = await BatteryBeltCaseIdAsync(AgentA);

        var turns = (await DetailAsync(id, Trainer))["turns"]!.AsArray();

        // The camera-model question offers the models as buttons.
        var titles = turns[2]!["replies"]!.AsArray().SelectMany(r => r!["suggestedActions"]!.AsArray()).Select(t => t!.GetValue<string>());
        Assert.Contains("Reveal X-Pro", titles);
    }

    [Fact]
    public async Task Detail_counts_and_describes_the_outcome_attachment()
    {
        var id = await BatteryBeltCaseIdAsync(AgentA);

        var turns = (await DetailAsync(id, Trainer))["turns"]!.AsArray();

        var outcome = turns[BatteryBeltAnswers.Length - 1]!["replies"]!.AsArray().Single(r => r!["attachments"]!.GetValue<int>() > 0)!;
        Assert.Equal(1, outcome["attachments"]!.GetValue<int>());
        Assert.StartsWith("Outcome: ", outcome["attachmentText"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Detail_is_shown_to_the_agent_whose_case_it_is()
    {
        var id = await BatteryBeltCaseIdAsync(AgentA);

        Assert.Equal(id, (await DetailAsync(id, AgentA))["case"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Detail_returns_403_to_another_agent()
    {
        var id = await _api.StoredCaseAsync(AgentA, "missing-camera", DateTimeOffset.UnixEpoch);

        var response = await _api.As(AgentB).GetAsync($"/api/transcripts/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Detail_returns_401_without_a_caller()
    {
        var id = await _api.StoredCaseAsync(AgentA, "missing-camera", DateTimeOffset.UnixEpoch);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.As(null).GetAsync($"/api/transcripts/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("not-a-number")]
    public async Task Detail_returns_404_for_an_unknown_case(string id)
    {
        var response = await _api.As(Trainer).GetAsync($"/api/transcripts/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(id, (await JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Detail_is_shown_to_the_command_line_holding_the_host_admin_token()
    {
        var id = await _api.StoredCaseAsync(AgentA, "missing-camera", DateTimeOffset.UnixEpoch);
        var client = _api.As(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Factory.Services.GetRequiredService<HostAdminToken>().Value);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/transcripts/{id}")).StatusCode);
    }
}
