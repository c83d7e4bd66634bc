using SupportBot.Playbooks;
using SupportBot.Storage;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Playbooks;

/// <summary>A playbook edited while conversations are in flight must never crash them.</summary>
public class PlaybookVersionTests
{
    private static async Task<(MemoryStorage Storage, TestFlow Flow)> ConversationAtCountStep()
    {
        var storage = new MemoryStorage();
        var harness = new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), storage: storage);
        var flow = await harness.Flow().SendAsync("device check").SendAsync("requested").SendAsync("2").DrainReplies();
        return (storage, flow);
    }

    private static TestFlow Reopen(MemoryStorage storage, string yaml) =>
        new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(yaml)]), storage: storage).Flow();

    [Fact]
    public async Task EditedPlaybook_WhoseStepStillExists_ContinuesAtTheSameStep()
    {
        var (storage, _) = await ConversationAtCountStep();
        var edited = TestPlaybooks.DeviceCheck.Replace("prompt: How many units?", "prompt: How many units were delivered?");
        var flow = Reopen(storage, edited);
        await flow.SendAsync("4");
        flow.AssertReply("was updated while we were talking").AssertReply("How many units were delivered?");
        (await flow.SendAsync("4")).AssertReply("Was anyone hurt?");
    }

    [Fact]
    public async Task EditedPlaybook_WhoseStepWasRemoved_RestartsWithAMessage()
    {
        var (storage, _) = await ConversationAtCountStep();
        var edited = TestPlaybooks.DeviceCheck
            .Replace("  - id: count\n    ask: number\n    field: count\n    prompt: How many units?\n    help: The count goes on the order.\n    min: 1\n    max: 10\n", "")
            .Replace("Ship {{count}} x {{model}}.", "Ship {{model}}.");
        var flow = Reopen(storage, edited);
        await flow.SendAsync("4");
        flow.AssertReply("no longer exists").AssertReplyEventually("Attach photos");
    }

    [Fact]
    public async Task RemovedPlaybook_ClosesTheConversationWithAMessage()
    {
        var (storage, _) = await ConversationAtCountStep();
        var other = TestPlaybooks.DeviceCheck.Replace("id: device-check", "id: other-check").Replace("device check", "other check");
        var flow = Reopen(storage, other);
        (await flow.SendAsync("4")).AssertReply("is no longer available");
    }
}
