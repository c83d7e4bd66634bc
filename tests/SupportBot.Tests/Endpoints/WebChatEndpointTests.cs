using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

public sealed class WebChatEndpointTests : IDisposable
{
    private readonly SupportBotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<JsonArray> SendAsync(HttpClient client, string text, string conversationId = "web-test")
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId, text });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["replies"]!.AsArray();
    }

    [Fact]
    public async Task Page_IsServedAtTheRoot()
    {
        var html = await _factory.CreateClient().GetStringAsync("/");
        Assert.Contains("<title>SupportBot</title>", html);
    }

    [Fact]
    public async Task WholeBatteryBeltConversation_EndsWithActionsNoteAndDisposition()
    {
        var client = _factory.CreateClient();
        Assert.Contains("battery belt", (await SendAsync(client, "cust says battery belt melted"))[0]!["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await SendAsync(client, "cx is emailing the pics and receipt");
        await SendAsync(client, "no");
        await SendAsync(client, "xpro");
        await SendAsync(client, "account holder");
        var replies = await SendAsync(client, "order 100-2000-3000 from the website");
        var outcome = replies.Single(r => r!["attachments"] is not null)!;

        var text = outcome["text"]!.GetValue<string>();
        Assert.Contains("Ticket note", text);
        Assert.Contains("Suggested disposition", text);
        Assert.Contains("Reveal X-Pro", text);
        Assert.Equal("application/vnd.supportbot.outcome+json", outcome["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("Pick it, or another one", replies.Last()!["text"]!.GetValue<string>());
        Assert.Contains("Disposition recorded", (await SendAsync(client, "1"))[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_ReturnsTheConversationSoFar()
    {
        var client = _factory.CreateClient();
        await SendAsync(client, "help", "history-test");

        var history = JsonNode.Parse(await client.GetStringAsync("/api/chat/history-test/history"))!["activities"]!.AsArray();

        Assert.Equal("in", history[0]!["direction"]!.GetValue<string>());
        Assert.Equal("help", history[0]!["activity"]!["text"]!.GetValue<string>());
        Assert.Equal("out", history[1]!["direction"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageWithoutConversationId_IsRejected()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/chat", new { text = "hi" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
