using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Teams;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Teams;

/// <summary>Teams traffic through the real <c>/api/messages</c> endpoint, answered at a fake connector.</summary>
public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private const string BotId = "28:0f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff";
    private const string LeadsChannel = "19:leads@thread.tacv2";

    private readonly SupportBotFactory _factory = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private Activity Teams(string type, string conversationId, string conversationType) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl,
        From = new ChannelAccount { Id = "29:1UserMri", Name = "Ada", AadObjectId = "6b2e1c0a-1111-2222-3333-444455556666" },
        Recipient = new ChannelAccount { Id = BotId, Name = "SupportBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, IsGroup = conversationType != "personal", TenantId = "tenant-1" },
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    private Activity ChannelMessage(string text, string fromId)
    {
        var activity = Teams(ActivityTypes.Message, LeadsChannel + ";messageid=1700000000123", "channel");
        activity.Text = "<at>SupportBot</at> " + text;
        activity.From = new ChannelAccount { Id = fromId, Name = "Lead" };
        activity.Entities = [new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SupportBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "SupportBot" },
        }];
        activity.ChannelData = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = LeadsChannel },
        };
        return activity;
    }

    private async Task PostAsync(Activity activity)
    {
        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> OnlyReplyAsync()
    {
        await _connector.WaitForAsync(1);
        await Task.Delay(300);
        return Assert.Single(_connector.Received).Activity.Text!;
    }

    private async Task<JsonObject?> StoredRouteAsync(string role)
    {
        var key = TeamsRouteRegistry.KeyFor(role);
        var items = await _factory.Services.GetRequiredService<IStorage>().ReadAsync([key], default);
        return items.TryGetValue(key, out var item) ? item.Document : null;
    }

    [Theory]
    [InlineData("19:group@thread.v2", "groupChat")]
    [InlineData("19:general@thread.tacv2", "channel")]
    public async Task Installing_in_a_group_chat_or_team_welcomes_exactly_once(string conversationId, string conversationType)
    {
        var install = Teams(ActivityTypes.InstallationUpdate, conversationId, conversationType);
        install.Action = "add";
        var added = Teams(ActivityTypes.ConversationUpdate, conversationId, conversationType);
        added.MembersAdded = [new ChannelAccount { Id = BotId }];

        await PostAsync(install);
        await PostAsync(added);

        Assert.Equal(TriageBot.Welcome, await OnlyReplyAsync());
    }

    [Fact]
    public async Task A_user_joining_is_not_welcomed_as_if_the_bot_had_been_added()
    {
        var joined = Teams(ActivityTypes.ConversationUpdate, "19:group@thread.v2", "groupChat");
        joined.MembersAdded = [new ChannelAccount { Id = "29:new-user" }];

        await PostAsync(joined);

        await Task.Delay(300);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task A_message_that_mentions_the_bot_is_understood_without_the_mention()
    {
        await PostAsync(ChannelMessage("cust says battery belt melted", "29:agent"));

        var replies = await _connector.WaitForAsync(1);
        Assert.Contains("Melted or damaged battery belt", replies[0].Text);
    }

    [Fact]
    public async Task Register_by_a_route_member_stores_the_channel_and_confirms()
    {
        await PostAsync(ChannelMessage("register this channel as escalation-lead", "escalation-lead-1"));

        Assert.StartsWith("Done: this channel is now registered for **escalation-lead**", await OnlyReplyAsync(), StringComparison.Ordinal);
        var registry = _factory.Services.GetRequiredService<TeamsRouteRegistry>();
        Assert.Equal(["teams:" + LeadsChannel], await registry.DestinationsAsync("escalation-lead", default));
        var channel = Assert.Single(await registry.ChannelsAsync("escalation-lead", default));
        Assert.Equal(_connector.ServiceUrl, channel.ServiceUrl);
        Assert.Equal("tenant-1", channel.TenantId);
        Assert.Equal("escalation-lead-1", channel.RegisteredBy);
    }

    [Fact]
    public async Task Register_again_says_it_is_already_registered()
    {
        await PostAsync(ChannelMessage("register this channel as escalation-lead", "escalation-lead-1"));
        await _connector.WaitForAsync(1);

        await PostAsync(ChannelMessage("Register this channel as Escalation-Lead.", "manager-1"));

        var replies = await _connector.WaitForAsync(1);
        Assert.Equal("This channel is already registered for **escalation-lead** escalations.", replies[1].Text);
        Assert.Single(await _factory.Services.GetRequiredService<TeamsRouteRegistry>().ChannelsAsync("escalation-lead", default));
    }

    [Fact]
    public async Task Register_by_someone_not_on_the_route_is_politely_refused_and_nothing_is_stored()
    {
        await PostAsync(ChannelMessage("register this channel as escalation-lead", "29:someone-else"));

        Assert.Equal(
            "Sorry, only members of the **escalation-lead** route (or a SupportBot admin) can register a channel for it. Nothing was changed.",
            await OnlyReplyAsync());
        Assert.Null(await StoredRouteAsync("escalation-lead"));
    }

    [Fact]
    public async Task Register_by_a_member_of_another_route_is_refused()
    {
        await PostAsync(ChannelMessage("register this channel as escalation-lead", "billing-gateway-lead-1"));

        Assert.StartsWith("Sorry, only members", await OnlyReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await StoredRouteAsync("escalation-lead"));
    }

    [Fact]
    public async Task Register_by_an_admin_is_allowed_for_any_route()
    {
        _factory.With("Escalations:Admins:0", "29:admin");

        await PostAsync(ChannelMessage("register this channel as billing-gateway-lead", "29:admin"));

        Assert.StartsWith("Done:", await OnlyReplyAsync(), StringComparison.Ordinal);
        Assert.NotNull(await StoredRouteAsync("billing-gateway-lead"));
    }

    [Fact]
    public async Task Register_for_an_unknown_route_names_the_routes_and_stores_nothing()
    {
        await PostAsync(ChannelMessage("register this channel as night-shift", "escalation-lead-1"));

        var reply = await OnlyReplyAsync();
        Assert.StartsWith("There is no route called **night-shift**", reply, StringComparison.Ordinal);
        Assert.Contains("escalation-lead", reply);
        Assert.Null(await StoredRouteAsync("night-shift"));
    }

    [Fact]
    public async Task Register_outside_a_channel_explains_where_to_send_it()
    {
        var chat = Teams(ActivityTypes.Message, "a:1personal", "personal");
        chat.Text = "register this channel as escalation-lead";
        chat.From = new ChannelAccount { Id = "escalation-lead-1" };

        await PostAsync(chat);

        Assert.StartsWith("I can only register a Teams channel", await OnlyReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await StoredRouteAsync("escalation-lead"));
    }

    [Fact]
    public void The_host_delivers_teams_destinations_through_the_teams_outbox()
    {
        var channels = _factory.Services.GetServices<IOutboxChannel>().ToList();
        Assert.Contains(channels, c => c is TeamsChannelOutbox && c.Handles("teams:" + LeadsChannel));
    }
}
