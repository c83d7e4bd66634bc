using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Escalations;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

public sealed class EscalationEndpointTests : IDisposable
{
    // Business hours all day, every day, so the escalation-lead route's daytime chain applies whenever the tests run.
    private readonly SupportBotFactory _factory = new SupportBotFactory()
        .With("Escalations:BusinessHours:Start", "00:00")
        .With("Escalations:BusinessHours:End", "23:59:59.9999999")
        .With("Escalations:BusinessHours:Days:5", "Saturday")
        .With("Escalations:BusinessHours:Days:6", "Sunday");

    public void Dispose() => _factory.Dispose();

    private async Task<long> CreateEscalationAsync(string urgency = "urgent")
    {
        var service = _factory.Services.GetRequiredService<EscalationService>();
        var escalation = await service.CreateAsync(new EscalationRequest(
            "abusive-customer",
            "Abusive customer",
            "escalation-lead",
            urgency,
            "customer threatened the agent",
            "Customer became abusive after the refund was refused.",
            ["Warned the customer once"],
            ["Take over the call"],
            "Cx abusive, warned once, escalated to lead.",
            "Jane Doe",
            [],
            new ConversationReference("webchat", "escalation-endpoint-test", null, "web-agent", "Agent Smith")),
            CancellationToken.None);
        return escalation.Id;
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, long id, string action, string actor, string? text = null) =>
        client.PostAsJsonAsync($"/api/escalations/{id}/actions", new { action, actor, text });

    [Fact]
    public async Task List_ShowsANewEscalationOpenOnItsFirstMemberWithTheActionsAllowed()
    {
        var id = await CreateEscalationAsync();

        var list = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/api/escalations"))!.AsArray();

        var item = list.Single(e => e!["id"]!.GetValue<long>() == id)!;
        Assert.Equal("Open", item["status"]!.GetValue<string>());
        Assert.Equal("escalation-lead-1", item["assignee"]!.GetValue<string>());
        Assert.Equal("escalation-lead", item["route"]!.GetValue<string>());
        Assert.Equal("urgent", item["urgency"]!.GetValue<string>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.Equal("Agent Smith", item["conversation"]!["agentName"]!.GetValue<string>());
        Assert.Equal("Take over the call", item["asks"]![0]!.GetValue<string>());
        var allowed = item["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("Acknowledge", allowed);
        Assert.Contains("TakeOver", allowed);
        Assert.DoesNotContain("Resolve", allowed);
        Assert.Equal("created", item["audit"]![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_IsNewestFirst()
    {
        var first = await CreateEscalationAsync();
        var second = await CreateEscalationAsync("normal");

        var ids = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/api/escalations?all=true"))!.AsArray()
            .Select(e => e!["id"]!.GetValue<long>()).ToList();

        Assert.True(ids.IndexOf(second) < ids.IndexOf(first));
    }

    [Fact]
    public async Task AcknowledgeByTheAssignedLead_SucceedsAndIsAudited()
    {
        var id = await CreateEscalationAsync();
        var client = _factory.CreateClient();

        var response = await ActAsync(client, id, "Acknowledge", "escalation-lead-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Contains("acknowledged", body["message"]!.GetValue<string>());
        Assert.Equal("Acknowledged", body["escalation"]!["status"]!.GetValue<string>());

        var escalation = JsonNode.Parse(await client.GetStringAsync($"/api/escalations/{id}"))!;
        Assert.Equal("Acknowledged", escalation["status"]!.GetValue<string>());
        Assert.Contains(escalation["audit"]!.AsArray(), a =>
            a!["who"]!.GetValue<string>() == "escalation-lead-1" && a["action"]!.GetValue<string>() == "acknowledged");
        Assert.Contains("Resolve", escalation["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task ActionBySomeoneOffTheRoute_IsRefusedPolitelyWith403AndTheAttemptIsAudited()
    {
        var id = await CreateEscalationAsync();
        var client = _factory.CreateClient();

        var response = await ActAsync(client, id, "Acknowledge", "random-person");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await JsonAsync(response))["error"]!.GetValue<string>();
        Assert.StartsWith("Sorry", error);
        Assert.Contains("escalation-lead", error);

        var escalation = JsonNode.Parse(await client.GetStringAsync($"/api/escalations/{id}"))!;
        Assert.Equal("Open", escalation["status"]!.GetValue<string>());
        Assert.Contains(escalation["audit"]!.AsArray(), a =>
            a!["who"]!.GetValue<string>() == "random-person" && a["action"]!.GetValue<string>() == "refused");
    }

    [Fact]
    public async Task ResolveWhileStillOpen_IsAConflict()
    {
        var id = await CreateEscalationAsync();

        var response = await ActAsync(_factory.CreateClient(), id, "Resolve", "escalation-lead-1");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("can't be resolved now", (await JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task NeedMoreInfoWithoutAQuestion_IsABadRequest()
    {
        var id = await CreateEscalationAsync();

        var response = await ActAsync(_factory.CreateClient(), id, "NeedMoreInfo", "escalation-lead-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("What would you like to ask", (await JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task NeedMoreInfo_RecordsTheQuestionForTheAgent()
    {
        var id = await CreateEscalationAsync();

        var response = await ActAsync(_factory.CreateClient(), id, "NeedMoreInfo", "manager-1", "Which order number?");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var escalation = (await JsonAsync(response))["escalation"]!;
        Assert.Equal("Which order number?", escalation["pendingQuestion"]!.GetValue<string>());
        Assert.Equal("manager-1", escalation["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownEscalation_IsNotFoundWithAClearError()
    {
        var client = _factory.CreateClient();

        var get = await client.GetAsync("/api/escalations/999999");
        var act = await ActAsync(client, 999999, "Acknowledge", "escalation-lead-1");
        var notANumber = await client.GetAsync("/api/escalations/abc");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("There is no escalation #999999.", (await JsonAsync(get))["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }

    [Theory]
    [InlineData("Dance")]
    [InlineData("3")]
    [InlineData("Acknowledge,TakeOver")]
    [InlineData("")]
    public async Task UnknownAction_IsABadRequestNamingTheActions(string action)
    {
        var id = await CreateEscalationAsync();

        var response = await ActAsync(_factory.CreateClient(), id, action, "escalation-lead-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Acknowledge, TakeOver", (await JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedActionBody_IsABadRequest()
    {
        var id = await CreateEscalationAsync();
        var client = _factory.CreateClient();

        var notJson = await client.PostAsync($"/api/escalations/{id}/actions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var noActor = await client.PostAsJsonAsync($"/api/escalations/{id}/actions", new { action = "Acknowledge" });

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noActor.StatusCode);
        Assert.Contains("actor", (await JsonAsync(noActor))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClosedEscalations_AreListedOnlyWhenAllIsAsked()
    {
        var id = await CreateEscalationAsync();
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(client, id, "Approve", "escalation-lead-1")).StatusCode);

        var open = JsonNode.Parse(await client.GetStringAsync("/api/escalations?all=false"))!.AsArray();
        var all = JsonNode.Parse(await client.GetStringAsync("/api/escalations?all=true"))!.AsArray();

        Assert.DoesNotContain(open, e => e!["id"]!.GetValue<long>() == id);
        var closed = all.Single(e => e!["id"]!.GetValue<long>() == id)!;
        Assert.Equal("Resolved", closed["status"]!.GetValue<string>());
        Assert.Equal("approved", closed["decision"]!.GetValue<string>());
        Assert.Empty(closed["allowedActions"]!.AsArray());
    }

    [Fact]
    public async Task Members_ListsEveryRouteWithEveryoneWhoMayActOnIt()
    {
        var body = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/api/escalations/members"))!;

        var lead = body["routes"]!["escalation-lead"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(["escalation-lead-1", "manager-1", "on-call-supervisor-1"], lead);
        Assert.Contains("resolution-specialist-1", body["routes"]!["resolution-specialist"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.NotNull(body["routes"]!["team-supervisor"]);
    }

    [Fact]
    public async Task Notices_RejectsATimeThatIsNotIso8601AndAcceptsOne()
    {
        var client = _factory.CreateClient();

        var bad = await client.GetAsync("/api/escalations/notices?since=yesterday-ish");
        var good = await client.GetAsync("/api/escalations/notices?since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(1).ToString("O")));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Empty((await JsonAsync(good)).AsArray());
    }

    [Fact]
    public async Task Notices_ReturnsTheBoardNoticesAfterTheGivenTime()
    {
        var feed = _factory.Services.GetRequiredService<SupportBot.Host.Channels.LocalBoard.LocalBoardFeed>();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        feed.Add(new SupportBot.Host.Channels.LocalBoard.BoardNotice("notice-test-1", 42, OutboxKinds.Reminder, "Reminder: escalation #42 is waiting.", at));
        var client = _factory.CreateClient();

        var before = (await JsonAsync(await client.GetAsync("/api/escalations/notices?since=" + Uri.EscapeDataString(at.AddSeconds(-1).ToString("O"))))).AsArray();
        var after = (await JsonAsync(await client.GetAsync("/api/escalations/notices?since=" + Uri.EscapeDataString(at.ToString("O"))))).AsArray();

        var notice = Assert.Single(before)!;
        Assert.Equal(42, notice["escalationId"]!.GetValue<long>());
        Assert.Equal("reminder", notice["kind"]!.GetValue<string>());
        Assert.Equal("Reminder: escalation #42 is waiting.", notice["text"]!.GetValue<string>());
        Assert.Empty(after);
    }

    [Fact]
    public async Task BoardPage_IsServedWithTheActingAsPickerAndLinksBackToTheChat()
    {
        var client = _factory.CreateClient();

        var board = await client.GetStringAsync("/board.html");
        var chat = await client.GetStringAsync("/");

        Assert.Contains("id=\"acting-as\"", board);
        Assert.Contains("href=\"index.html\"", board);
        Assert.Contains("board.js", board);
        Assert.Contains("href=\"board.html\"", chat);
        Assert.Contains("Acting as", board);
    }
}
