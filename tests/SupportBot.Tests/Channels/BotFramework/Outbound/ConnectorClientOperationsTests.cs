using Microsoft.Extensions.DependencyInjection;
using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Outbound;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

public sealed class ConnectorClientOperationsTests
{
    private const string EncodedConversation = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000123";

    [Fact]
    public async Task SendPostsToTheConversationsActivitiesWithPercentEncodedIds()
    {
        await using var h = await OutboundHarness.StartAsync();

        var result = await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("Build 42 done"));

        var request = Assert.Single(h.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EncodedConversation}/activities", request.Target);
        Assert.Equal("Build 42 done", request.Json["text"]!.GetValue<string>());
        Assert.Equal("activity-1", result!.Id);
    }

    [Fact]
    public async Task ReplyPostsToTheActivityItAnswers()
    {
        await using var h = await OutboundHarness.StartAsync();
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "On it",
            ServiceUrl = h.ServiceUrl.TrimEnd('/'),
            Conversation = new ConversationAccount { Id = OutboundHarness.Conversation },
            ReplyToId = "1700000000123:1",
        };

        var result = await h.Client.ReplyToActivityAsync(reply, default);

        var request = Assert.Single(h.Connector.Requests);
        Assert.Equal($"/v3/conversations/{EncodedConversation}/activities/1700000000123%3A1", request.Target);
        Assert.Equal("1700000000123:1", request.Json["replyToId"]!.GetValue<string>());
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("activity-1", result!.Id);
    }

    [Fact]
    public async Task UpdatePutsTheFullActivityToItsRoute()
    {
        await using var h = await OutboundHarness.StartAsync();
        var card = OutboundHarness.Message("Escalation #12: taken by Lee");

        var result = await h.Client.UpdateActivityAsync(h.ServiceUrl, OutboundHarness.Conversation, "1:7@x;y", card);

        var request = Assert.Single(h.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EncodedConversation}/activities/1%3A7%40x%3By", request.Target);
        Assert.Equal("1:7@x;y", request.Json["id"]!.GetValue<string>());
        Assert.Equal("message", request.Json["type"]!.GetValue<string>());
        Assert.Equal("Escalation #12: taken by Lee", request.Json["text"]!.GetValue<string>());
        Assert.Null(card.Id);
        Assert.Equal("activity-1", result!.Id);
    }

    [Fact]
    public async Task DeleteRemovesTheActivityAtItsRoute()
    {
        await using var h = await OutboundHarness.StartAsync();

        await h.Client.DeleteActivityAsync(h.ServiceUrl, OutboundHarness.Conversation, "1:7@x;y");

        var request = Assert.Single(h.Connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/v3/conversations/{EncodedConversation}/activities/1%3A7%40x%3By", request.Target);
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task CreateConversationStartsAChannelThread()
    {
        await using var h = await OutboundHarness.StartAsync();

        var created = await h.Client.CreateConversationAsync(h.ServiceUrl, OutboundHarness.ChannelConversation, null, OutboundHarness.Message("Build 42 done"));

        var request = Assert.Single(h.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.Target);
        Assert.True(request.Json["isGroup"]!.GetValue<bool>());
        Assert.Equal(OutboundHarness.ChannelConversation, request.Json["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Null(request.Json["tenantId"]);
        Assert.Equal("message", request.Json["activity"]!["type"]!.GetValue<string>());
        Assert.Equal("Build 42 done", request.Json["activity"]!["text"]!.GetValue<string>());
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal($"{OutboundHarness.ChannelConversation};messageid=1700000000001", created.Id);
        Assert.Equal("1700000000001", created.ActivityId);
        Assert.Equal(h.ServiceUrl, created.ServiceUrl);
    }

    [Fact]
    public async Task CreateConversationCarriesTheTenantWhenGiven()
    {
        await using var h = await OutboundHarness.StartAsync();

        await h.Client.CreateConversationAsync(h.ServiceUrl, OutboundHarness.ChannelConversation, "tenant-1", OutboundHarness.Message("hi"));

        var json = Assert.Single(h.Connector.Requests).Json;
        Assert.Equal("tenant-1", json["tenantId"]!.GetValue<string>());
        Assert.Equal("tenant-1", json["channelData"]!["tenant"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServiceUrlWithoutATrailingSlashIsJoinedWithOne()
    {
        await using var h = await OutboundHarness.StartAsync();

        await h.Client.SendToConversationAsync(h.ServiceUrl.TrimEnd('/'), "a:1", OutboundHarness.Message("hi"));

        Assert.Equal("/v3/conversations/a%3A1/activities", Assert.Single(h.Connector.Requests).Target);
    }

    [Fact]
    public async Task TheTokenIsNeverSentOverPlainHttpToAnotherMachine()
    {
        await using var h = await OutboundHarness.StartAsync();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            h.Client.SendToConversationAsync("http://smba.example.invalid/amer/", "a:1", OutboundHarness.Message("hi")));

        Assert.Contains("https", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", e.Message, StringComparison.Ordinal);
        Assert.Empty(h.Connector.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("smba.trafficmanager.net/amer/")]
    public async Task AServiceUrlMustBeAnAbsoluteHttpUrl(string serviceUrl)
    {
        await using var h = await OutboundHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.SendToConversationAsync(serviceUrl, "a:1", OutboundHarness.Message("hi")));
    }

    [Fact]
    public async Task SendsToOneConversationAreSerialisedInOrder()
    {
        await using var h = await OutboundHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Connector.Hold = r => r.Index == 1 ? release.Task : Task.CompletedTask;

        var sends = Enumerable.Range(1, 5)
            .Select(i => h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("m" + i)))
            .ToList();
        await h.Connector.WaitForRequestsAsync(1);
        await Task.Delay(100);
        Assert.Single(h.Connector.Requests);
        release.SetResult();
        await Task.WhenAll(sends);

        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], h.Connector.Requests.Select(r => r.Json["text"]!.GetValue<string>()));
        Assert.Equal(1, h.Connector.MaxConcurrentRequests);
    }

    [Fact]
    public async Task ThreadsOfOneChannelShareItsTurnButOtherConversationsDoNotWait()
    {
        await using var h = await OutboundHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Connector.Hold = r => r.Index == 1 ? release.Task : Task.CompletedTask;

        var held = h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("held"));
        await h.Connector.WaitForRequestsAsync(1);
        var sameChannel = h.Client.CreateConversationAsync(h.ServiceUrl, OutboundHarness.ChannelConversation, null, OutboundHarness.Message("new thread"));
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:personal-chat", OutboundHarness.Message("elsewhere"));

        Assert.False(held.IsCompleted);
        Assert.False(sameChannel.IsCompleted);
        release.SetResult();
        await held;
        await sameChannel;
        Assert.Equal(["held", "elsewhere", "new thread"], h.Connector.Requests.Select(r => (r.Json["text"] ?? r.Json["activity"]!["text"])!.GetValue<string>()));
    }

    [Fact]
    public async Task SendsToOneConversationAreSpacedOut()
    {
        await using var h = await OutboundHarness.StartAsync(client: o =>
        {
            o.MinSendInterval = TimeSpan.FromMilliseconds(150);
            o.PaceLoopback = true; // the fake connector is on loopback, which is not paced by default
        });

        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("one"));
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:other", OutboundHarness.Message("other conversation, no wait"));
        var second = h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("two"));

        Assert.Equal(TimeSpan.FromMilliseconds(150), await h.Clock.NextTimerAsync());
        Assert.Equal(2, h.Connector.Requests.Count);
        h.Clock.Advance(TimeSpan.FromMilliseconds(150));
        await second;
        Assert.Equal(3, h.Connector.Requests.Count);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("three, long after"));
        Assert.False(h.Clock.HasPendingTimer);
    }

    [Fact]
    public async Task TheGateForgetsConversationsOnceTheyAreQuiet()
    {
        await using var h = await OutboundHarness.StartAsync();
        var gate = h.Services.GetRequiredService<ConversationSendGate>();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            h.Client.SendToConversationAsync(h.ServiceUrl, "a:" + i, OutboundHarness.Message("hi"))));

        Assert.Equal(0, gate.TrackedConversations);
    }

    [Fact]
    public async Task ACancelledWaiterKeepsTheOrderForThoseBehindIt()
    {
        var clock = new ObservableClock();
        var gate = new ConversationSendGate(clock, Microsoft.Extensions.Options.Options.Create(new ConnectorClientOptions { MinSendInterval = TimeSpan.Zero }));
        using var cancel = new CancellationTokenSource();

        var first = await gate.EnterAsync("c", default);
        var second = gate.EnterAsync("c", cancel.Token);
        var third = gate.EnterAsync("c", default);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        await first.DisposeAsync();
        await (await third).DisposeAsync();
        Assert.Equal(0, gate.TrackedConversations);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1700000000123", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("a:1xyz", "a:1xyz")]
    public void ChannelThreadsShareTheChannelsKey(string conversationId, string key) =>
        Assert.Equal(key, ConversationSendGate.KeyOf(conversationId));

    [Fact]
    public async Task TheHostRegistrationResolvesAConnectorClientThatSharesOneGate()
    {
        await using var h = await OutboundHarness.StartAsync();

        Assert.IsType<ClientCredentialsTokenProvider>(h.Tokens);
        Assert.NotSame(h.Client, h.Client);
        Assert.Same(h.Services.GetRequiredService<ConversationSendGate>(), h.Services.GetRequiredService<ConversationSendGate>());
        Assert.Same(h.Tokens, h.Services.GetRequiredService<IConnectorTokenProvider>());
    }

    [Fact]
    public async Task ConnectorsOnThisMachine_AreNotPaced_ButStayInOrder()
    {
        await using var h = await OutboundHarness.StartAsync(client: o => o.MinSendInterval = TimeSpan.FromMilliseconds(150));

        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("one"));
        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("two"));

        Assert.False(h.Clock.HasPendingTimer);
        Assert.Equal(2, h.Connector.Requests.Count);
    }
}
