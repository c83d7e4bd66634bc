using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Endpoints;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Endpoints;

public sealed class TranscriptTransferEndpointTests : IDisposable
{
    private const string Trainer = "trainer-1";
    private const string Agent = "agent-7";
    private const string OtherAgent = "agent-8";

    private readonly SupportBotFactory _factory = new SupportBotFactory().With("Training:Trainers:0", Trainer);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Export_WithoutSayingWhoIsCalling_Is401()
    {
        var caseId = await RecordBatteryBeltCaseAsync();

        var response = await _factory.CreateClient().GetAsync($"/api/transcripts/{caseId}/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_WithAWrongBearerToken_Is401()
    {
        var caseId = await RecordBatteryBeltCaseAsync();
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-host-token");

        var response = await client.GetAsync($"/api/transcripts/{caseId}/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_ByTheAgentOfTheCase_ReturnsTheTranscriptFile()
    {
        var caseId = await RecordBatteryBeltCaseAsync();

        var response = await As(Agent).GetAsync($"/api/transcripts/{caseId}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"case-{caseId}.transcript", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var activities = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("cust says battery belt melted", activities[0]!["text"]!.GetValue<string>());
        Assert.Equal("user", activities[0]!["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_ByAnotherAgent_Is403()
    {
        var caseId = await RecordBatteryBeltCaseAsync();

        var response = await As(OtherAgent).GetAsync($"/api/transcripts/{caseId}/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_ByATrainer_AsMarkdown_ReturnsThePage()
    {
        var caseId = await RecordBatteryBeltCaseAsync();

        var response = await As(Trainer).GetAsync($"/api/transcripts/{caseId}/export?format=markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith($"# Case {caseId}: battery-belt-damage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithTheHostAdminToken_IsAllowed()
    {
        var caseId = await RecordBatteryBeltCaseAsync();

        var response = await AsCommandLine().GetAsync($"/api/transcripts/{caseId}/export?format=transcript");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Export_OfAnUnknownCase_Is404()
    {
        var response = await As(Trainer).GetAsync("/api/transcripts/424242/export");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("#424242", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InAnUnknownFormat_Is400NamingTheFormats()
    {
        var caseId = await RecordBatteryBeltCaseAsync();

        var response = await As(Trainer).GetAsync($"/api/transcripts/{caseId}/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("transcript, markdown", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ByAnAgent_Is403()
    {
        var response = await As(Agent).PostAsync("/api/transcripts/import", Json(MinimalTranscript));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_WithoutSayingWhoIsCalling_Is401()
    {
        var response = await _factory.CreateClient().PostAsync("/api/transcripts/import", Json(MinimalTranscript));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Import_ByATrainer_Is201WithTheIdOfTheNewImportedCase()
    {
        var response = await As(Trainer).PostAsync("/api/transcripts/import", Json(MinimalTranscript));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var stored = await Transcripts.GetCaseAsync(id, default);
        Assert.True(stored!.Imported);
        Assert.StartsWith(TranscriptImporter.ConversationKeyPrefix, stored.ConversationKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfABadFile_Is400NamingTheFileAndTheActivity()
    {
        var response = await AsCommandLine().PostAsync("/api/transcripts/import?source=week-42.transcript", Json("[{\"type\":\"message\"},{\"text\":\"no type\"}]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("week-42.transcript: activity 2 has no \"type\".", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Empty(await Transcripts.FindCasesAsync(new TranscriptQuery(), default));
    }

    [Fact]
    public async Task ExportImportExport_ThroughTheHost_KeepsTheActivitiesAndSnapshots()
    {
        var caseId = await RecordBatteryBeltCaseAsync();
        var client = As(Trainer);
        var first = await client.GetStringAsync($"/api/transcripts/{caseId}/export");

        var created = await client.PostAsync("/api/transcripts/import", Json(first));
        var importedId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var second = await client.GetStringAsync($"/api/transcripts/{importedId}/export");

        var before = WithoutCaseSummary(first);
        var after = WithoutCaseSummary(second);
        Assert.Equal(before.Count, after.Count);
        Assert.All(Enumerable.Range(0, before.Count), i => Assert.True(JsonNode.DeepEquals(before[i], after[i]), $"Activity {i + 1} changed:\n{before[i]}\n{after[i]}"));
        Assert.Contains(before, a => a!["supportbot"]!["snapshot"]?["stepId"] is not null);
    }

    [Fact]
    public async Task DeleteConversation_ByATrainer_RemovesItsStateTranscriptAndCases()
    {
        var caseId = await RecordBatteryBeltCaseAsync("delete-me");
        var stateKey = ConversationStateMiddleware.StorageKeyFor("webchat/delete-me");
        Assert.NotEmpty(await Storage.ReadAsync([stateKey], default));

        var response = await As(Trainer).DeleteAsync("/api/conversations/" + Uri.EscapeDataString("webchat/delete-me"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await Storage.ReadAsync([stateKey], default));
        Assert.Empty(await Transcripts.GetAsync("webchat/delete-me", default));
        Assert.Null(await Transcripts.GetCaseAsync(caseId, default));
    }

    [Fact]
    public async Task DeleteConversation_TakesTheKeyWithAPlainSlashToo()
    {
        await RecordBatteryBeltCaseAsync("plain-slash");

        var response = await As(Trainer).DeleteAsync("/api/conversations/webchat/plain-slash");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await Transcripts.GetAsync("webchat/plain-slash", default));
    }

    [Fact]
    public async Task DeleteConversation_LeavesOtherConversationsAlone()
    {
        await RecordBatteryBeltCaseAsync("delete-me");
        var keptId = await RecordBatteryBeltCaseAsync("keep-me");

        await As(Trainer).DeleteAsync("/api/conversations/webchat/delete-me");

        Assert.NotNull(await Transcripts.GetCaseAsync(keptId, default));
    }

    [Fact]
    public async Task DeleteConversation_ByAnAgent_Is403AndDeletesNothing()
    {
        var caseId = await RecordBatteryBeltCaseAsync("not-yours");

        var response = await As(Agent).DeleteAsync("/api/conversations/webchat/not-yours");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await Transcripts.GetCaseAsync(caseId, default));
    }

    [Fact]
    public async Task DeleteConversation_WithAWrongBearerToken_Is401()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guessed");

        var response = await client.DeleteAsync("/api/conversations/webchat/anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DeleteConversation_ThatWasNeverStored_Is404()
    {
        var response = await AsCommandLine().DeleteAsync("/api/conversations/webchat/never-was");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("webchat/never-was", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string MinimalTranscript = """
        [
          { "type": "message", "text": "cx says the camera never arrived", "from": { "id": "agent-5", "role": "user" }, "timestamp": "2026-10-01T10:00:00Z" },
          { "type": "message", "text": "Was the package marked as delivered?", "from": { "id": "bot", "role": "bot" }, "timestamp": "2026-10-01T10:00:01Z" }
        ]
        """;

    private ITranscriptStore Transcripts => _factory.Services.GetRequiredService<ITranscriptStore>();

    private IStorage Storage => _factory.Services.GetRequiredService<IStorage>();

    private HttpClient As(string userId)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(Caller.UserHeader, userId);
        return client;
    }

    private HttpClient AsCommandLine()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _factory.Services.GetRequiredService<HostAdminToken>().Value);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Three turns of the battery-belt playbook by <see cref="Agent"/>; returns the case id.</summary>
    private async Task<long> RecordBatteryBeltCaseAsync(string conversationId = "transfer-test")
    {
        var client = _factory.CreateClient();
        foreach (var text in new[] { "cust says battery belt melted", "cx is emailing the pics and receipt", "no" })
        {
            var response = await client.PostAsJsonAsync("/api/chat", new { conversationId, text, userId = Agent, userName = "Sample Agent" });
            response.EnsureSuccessStatusCode();
        }

        var cases = await Transcripts.FindCasesAsync(new TranscriptQuery { AgentId = Agent }, default);
        return cases.Single(c => c.ConversationKey == "webchat/" + conversationId).Id;
    }

    private static JsonArray WithoutCaseSummary(string transcript)
    {
        var activities = JsonNode.Parse(transcript)!.AsArray();
        activities[0]!["supportbot"]!.AsObject().Remove("case");
        return activities;
    }
}
