using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Endpoints;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

public sealed class DrillScoreboardEndpointTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private SupportBotFactory Host() => new SupportBotFactory()
        .With("Storage:Path", _database.Path)
        .With("Training:Trainers:0", "trainer-1");

    private static async Task<JsonArray> ChatAsync(HttpClient client, string userId, string text)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId = "drill-" + userId, text, userId, userName = "Trainee " + userId });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["replies"]!.AsArray();
    }

    /// <summary>A quiz through the web chat as the user: the first question skipped, then stopped.</summary>
    private static async Task SkipOneQuestionAsync(HttpClient client, string userId)
    {
        await ChatAsync(client, userId, "quiz");
        await ChatAsync(client, userId, "skip");
        await ChatAsync(client, userId, "stop");
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> ScoreboardAsync(HttpClient client, string? userId = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/drills/scoreboard");
        if (userId is not null)
        {
            request.Headers.Add(Caller.UserHeader, userId);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Scoreboard_without_a_caller_is_401()
    {
        using var host = Host();

        var (status, body) = await ScoreboardAsync(host.CreateClient());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(Caller.UserHeader, body!.ToJsonString());
    }

    [Fact]
    public async Task Scoreboard_rows_follow_the_contract()
    {
        using var host = Host();
        var client = host.CreateClient();
        await SkipOneQuestionAsync(client, "agent-7");

        var (status, body) = await ScoreboardAsync(client, "trainer-1");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Assert.Single(body!.AsArray())!;
        Assert.Equal("agent-7", row["traineeId"]!.GetValue<string>());
        Assert.Equal("Trainee agent-7", row["traineeName"]!.GetValue<string>());
        Assert.Equal(1, row["quizAnswered"]!.GetValue<int>());
        Assert.Equal(0, row["quizCorrect"]!.GetValue<int>());
        Assert.Equal(0, row["quizAccuracy"]!.GetValue<double>());
        Assert.Equal(0, row["rolePlays"]!.GetValue<int>());
        var weak = Assert.Single(row["weakTopics"]!.AsArray())!;
        Assert.Equal(1, weak["asked"]!.GetValue<int>());
        Assert.Equal(1, weak["missed"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(weak["topic"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(row["lastDrillAt"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Trainers_see_every_trainee_and_agents_only_themselves()
    {
        using var host = Host();
        var client = host.CreateClient();
        await SkipOneQuestionAsync(client, "agent-7");
        await SkipOneQuestionAsync(client, "agent-8");

        var (_, trainerView) = await ScoreboardAsync(client, "trainer-1");
        var (_, agentView) = await ScoreboardAsync(client, "agent-8");
        var (_, newcomerView) = await ScoreboardAsync(client, "agent-9");

        Assert.Equal(["agent-7", "agent-8"], trainerView!.AsArray().Select(r => r!["traineeId"]!.GetValue<string>()));
        Assert.Equal(["agent-8"], agentView!.AsArray().Select(r => r!["traineeId"]!.GetValue<string>()));
        Assert.Empty(newcomerView!.AsArray());
    }

    [Fact]
    public async Task Host_admin_token_sees_every_trainee()
    {
        using var host = Host();
        var client = host.CreateClient();
        await SkipOneQuestionAsync(client, "agent-7");

        var (status, body) = await ScoreboardAsync(client, bearer: host.Services.GetRequiredService<HostAdminToken>().Value);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(body!.AsArray());
    }

    [Fact]
    public async Task Scoreboard_in_chat_answers_trainers_and_refuses_agents()
    {
        using var host = Host();
        var client = host.CreateClient();
        await SkipOneQuestionAsync(client, "agent-7");

        var agent = await ChatAsync(client, "agent-7", "scoreboard");
        var trainer = await ChatAsync(client, "trainer-1", "scoreboard");

        Assert.Contains("The scoreboard is for trainers", agent[0]!["text"]!.GetValue<string>());
        Assert.Contains("(`agent-7`)", trainer[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scores_are_kept_in_the_database_across_a_restart()
    {
        using (var first = Host())
        {
            await SkipOneQuestionAsync(first.CreateClient(), "agent-7");
        }

        using var second = Host();
        var replies = await ChatAsync(second.CreateClient(), "agent-7", "my scores");

        Assert.Contains("Quiz: 1 answered, 0 correct", replies[0]!["text"]!.GetValue<string>());
    }
}
