using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

/// <summary>The whole local loop: an agent's playbook escalates, a lead acts on the board, the agent hears about it.</summary>
public sealed class EscalationLoopTests : IDisposable
{
    private readonly SupportBotFactory _factory = new SupportBotFactory()
        .With("Escalations:BusinessHours:Days:0", "Monday").With("Escalations:BusinessHours:Days:1", "Tuesday")
        .With("Escalations:BusinessHours:Days:2", "Wednesday").With("Escalations:BusinessHours:Days:3", "Thursday")
        .With("Escalations:BusinessHours:Days:4", "Friday").With("Escalations:BusinessHours:Days:5", "Saturday")
        .With("Escalations:BusinessHours:Days:6", "Sunday")
        .With("Escalations:BusinessHours:Start", "00:00").With("Escalations:BusinessHours:End", "23:59:59")
        .With("Escalations:PollInterval", "00:00:00.100");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AgentEscalation_ReachesTheBoard_AndTheLeadsAcknowledgementReachesTheAgent()
    {
        var client = _factory.CreateClient();
        foreach (var text in new[] { "cx says a camera is missing from the box, order 100-2000-3000", "3", "2", "one Reveal Ultra", "yes", "account holder", "send the missing camera" })
        {
            (await client.PostAsJsonAsync("/api/chat", new { conversationId = "loop-test", text })).EnsureSuccessStatusCode();
        }

        var escalation = (await WaitForAsync(async () =>
        {
            var list = JsonNode.Parse(await client.GetStringAsync("/api/escalations"))!.AsArray();
            return list.Count > 0 ? list[0] : null;
        }))!;
        Assert.Equal(("missing-camera", "shipping-orders", "Open"), (escalation["playbook"]!.GetValue<string>(), escalation["route"]!.GetValue<string>(), escalation["status"]!.GetValue<string>()));
        var id = escalation["id"]!.GetValue<long>();
        await WaitForAgentMessageAsync(client, $"Escalation #{id} sent to **shipping-orders**");

        var act = await client.PostAsJsonAsync($"/api/escalations/{id}/actions", new { action = "Acknowledge", actor = "shipping-orders-1" });
        act.EnsureSuccessStatusCode();

        await WaitForAgentMessageAsync(client, $"shipping-orders-1 acknowledged escalation #{id}");
    }

    private static async Task WaitForAgentMessageAsync(HttpClient client, string expected) =>
        await WaitForAsync(async () =>
        {
            var history = JsonNode.Parse(await client.GetStringAsync("/api/chat/loop-test/history"))!["activities"]!.AsArray();
            return history.FirstOrDefault(a => a!["direction"]!.GetValue<string>() == "out"
                && a["activity"]!["text"]?.GetValue<string>().Contains(expected, StringComparison.Ordinal) == true);
        });

    /// <summary>Polls until the background outbox has done its work; bounded, fails with a timeout.</summary>
    private static async Task<JsonNode?> WaitForAsync(Func<Task<JsonNode?>> probe)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected escalation message never arrived.");
    }
}
