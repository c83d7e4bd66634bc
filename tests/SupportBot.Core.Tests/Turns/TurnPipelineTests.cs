using SupportBot.Activities;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Turns;

public class TurnPipelineTests
{
    [Fact]
    public async Task TwoMessagesArrivingTogether_InOneConversation_AreBothApplied()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        var flow = await harness.Flow().SendAsync("device check").SendAsync("requested").DrainReplies();

        // Both answers race; turns of one conversation must queue, so neither update is lost.
        await Task.WhenAll(
            Task.Run(() => flow.SendAsync("2")),
            Task.Run(() => flow.SendAsync("3")));

        // Whichever arrived first answered the model question; the other answered the count.
        var state = await ReadStateAsync(harness.Storage, "test/test-conversation");
        var values = SupportBot.Playbooks.PlaybookDialog.ValuesOf(state.Dialogs.Stack.Last());
        var answered = (values["model"]!.GetValue<string>(), values["count"]!.GetValue<decimal>());
        Assert.Contains(answered, new[] { ("beta-two", 3m), ("gamma", 2m) });
    }

    [Fact]
    public async Task ManyConversationsInParallel_KeepTheirOwnState()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var flow = harness.Flow("conv-" + i);
            await flow.SendAsync("device check");
            await flow.SendAsync("requested");
            await flow.SendAsync((i % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        })));

        for (var i = 0; i < 20; i++)
        {
            var state = await ReadStateAsync(harness.Storage, "test/conv-" + i);
            Assert.Equal(new[] { "alpha-one", "beta-two", "gamma" }[i % 3], SupportBot.Playbooks.PlaybookDialog.ValuesOf(state.Dialogs.Stack.Last())["model"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task RedeliveredActivity_IsDroppedWithoutASecondReply()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        var flow = harness.Flow();
        await flow.SendAsync(new Activity { Id = "same-id", Text = "device check" });
        flow.DrainReplies();
        await flow.SendAsync(new Activity { Id = "same-id", Text = "device check" });
        flow.AssertNoMoreReplies();
        Assert.Single(await harness.Transcripts.GetAsync("test/test-conversation", default), e => e.Direction == TranscriptDirection.Inbound);
    }

    [Fact]
    public async Task Transcript_RecordsInboundAndOutboundInOrder()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        await harness.Flow().SendAsync("device check").SendAsync("requested");
        var entries = await harness.Transcripts.GetAsync("test/test-conversation", default);
        Assert.Equal(
            [TranscriptDirection.Inbound, TranscriptDirection.Outbound, TranscriptDirection.Outbound, TranscriptDirection.Inbound, TranscriptDirection.Outbound],
            entries.Select(e => e.Direction));
        Assert.Equal("requested", entries[3].Activity.Text);
    }

    [Fact]
    public async Task Transcript_NeverStoresAFullCardNumber()
    {
        var harness = BotHarness.FromYaml(TestPlaybooks.DeviceCheck);
        await harness.Flow().SendAsync("cx read out card 4111 1111 1111 1111 on the call");
        var stored = (await harness.Transcripts.GetAsync("test/test-conversation", default))[0].Activity.Text;
        Assert.Equal("cx read out card [card ending 1111] on the call", stored);
    }

    [Fact]
    public async Task StaleWrite_FailsTheTurnAndKeepsTheStoredState()
    {
        var storage = new ConflictingStorage();
        var harness = new BotHarness(new SupportBot.Playbooks.PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), storage: storage);
        var flow = harness.Flow();
        await flow.SendAsync("device check");
        flow.AssertReply("something went wrong");
        Assert.Empty(await storage.ReadAsync(["conversation/test/test-conversation"], default));
    }

    private static async Task<ConversationData> ReadStateAsync(IStorage storage, string conversationKey)
    {
        var key = ConversationStateMiddleware.StorageKeyFor(conversationKey);
        var item = (await storage.ReadAsync([key], default))[key];
        return System.Text.Json.JsonSerializer.Deserialize<ConversationData>(item.Document, ActivityJson.Options)!;
    }

    /// <summary>A store where someone else always wins the race.</summary>
    private sealed class ConflictingStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            _inner.ReadAsync(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken) =>
            throw new StorageConflictException(changes.Keys.First(), "stale");

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => _inner.DeleteAsync(keys, cancellationToken);
    }
}
