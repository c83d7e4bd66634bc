using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Channels.Replay;

/// <summary>
/// <c>replay N</c> in the local web chat, through the real host: the header comes back with the turn, and the case's
/// turns follow on the page's own path for messages the bot sends by itself (the conversation's history it polls).
/// </summary>
public sealed class WebChatReplayTests : IAsyncLifetime
{
    private const string Trainer = "trainer-web-1";
    private const string TrainerConversation = "trainer-conversation-1";

    private readonly SupportBotFactory _factory = new SupportBotFactory()
        .With("Training:Trainers:0", Trainer)
        .With("Training:ReplayInterval", "00:00:00");

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<JsonArray> SendAsync(string conversationId, string userId, string text)
    {
        var response = await _client.PostAsJsonAsync("/api/chat", new { conversationId, userId, userName = "Sample " + userId, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["replies"]!.AsArray();
    }

    private async Task<List<JsonObject>> BotMessagesAsync(string conversationId)
    {
        var history = await _client.GetFromJsonAsync<JsonObject>($"/api/chat/{conversationId}/history");
        return history!["activities"]!.AsArray()
            .Where(i => i!["direction"]!.GetValue<string>() == "out")
            .Select(i => i!["activity"]!.AsObject())
            .ToList();
    }

    /// <summary>agent-web-7 starts the battery-belt playbook and answers two steps: a case of three turns.</summary>
    private async Task<TranscriptCase> AgentCaseAsync()
    {
        foreach (var text in new[] { "start battery-belt-damage", "cx is emailing the pics", "no" })
        {
            await SendAsync("agent-conversation-7", "agent-web-7", text);
        }

        var store = _factory.Services.GetRequiredService<ITranscriptStore>();
        return Assert.Single(await store.FindCasesAsync(new TranscriptQuery { AgentId = "agent-web-7" }, default));
    }

    [Fact]
    public async Task Replay_answers_with_the_header_and_the_turns_arrive_in_order_in_the_polled_history()
    {
        var agentCase = await AgentCaseAsync();

        var replies = await SendAsync(TrainerConversation, Trainer, $"replay {agentCase.Id}");

        var header = Assert.Single(replies)!["text"]!.GetValue<string>();
        Assert.StartsWith($"**Replay of case #{agentCase.Id}**: battery-belt-damage", header);
        await ReplayCases.WaitUntilAsync(async () => (await BotMessagesAsync(TrainerConversation)).Count >= 4, "the three turns are in the history");
        var messages = await BotMessagesAsync(TrainerConversation);
        Assert.Equal(header, messages[0]["text"]!.GetValue<string>());
        Assert.StartsWith("**Turn 1 of 3**", messages[1]["text"]!.GetValue<string>());
        Assert.Contains("**Agent:** start battery-belt-damage", messages[1]["text"]!.GetValue<string>());
        Assert.StartsWith("**Turn 2 of 3**", messages[2]["text"]!.GetValue<string>());
        Assert.StartsWith("**Turn 3 of 3**", messages[3]["text"]!.GetValue<string>());
        Assert.Contains("step `camera-model` of battery-belt-damage", messages[3]["text"]!.GetValue<string>());
        // The page shows each activity once by id, so every replayed message needs its own.
        Assert.Equal(4, messages.Select(m => m["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Replay_leaves_the_replayed_case_as_it_was()
    {
        var agentCase = await AgentCaseAsync();
        var store = _factory.Services.GetRequiredService<ITranscriptStore>();
        var before = await store.GetCaseEntriesAsync(agentCase.Id, default);

        await SendAsync(TrainerConversation, Trainer, $"replay {agentCase.Id}");
        await ReplayCases.WaitUntilAsync(async () => (await BotMessagesAsync(TrainerConversation)).Count >= 4, "the replay is done");

        Assert.Equal(agentCase, await store.GetCaseAsync(agentCase.Id, default));
        Assert.Equal(before.Count, (await store.GetCaseEntriesAsync(agentCase.Id, default)).Count);
        Assert.DoesNotContain(await store.FindCasesAsync(new TranscriptQuery(), default), c => c.Id != agentCase.Id && c.PlaybookId is not null);
    }

    [Fact]
    public async Task Transcripts_lists_the_case_for_the_trainer_with_how_to_replay_it()
    {
        var agentCase = await AgentCaseAsync();

        var reply = Assert.Single(await SendAsync(TrainerConversation, Trainer, "transcripts battery-belt-damage"))!["text"]!.GetValue<string>();

        Assert.Contains($"**#{agentCase.Id}** battery-belt-damage · agent-web-7 (Sample agent-web-7) · started ", reply);
        Assert.Contains("3 turns · not escalated · open", reply);
        Assert.EndsWith("Say `replay N` to step through one (N is the case number).", reply);
    }
}
