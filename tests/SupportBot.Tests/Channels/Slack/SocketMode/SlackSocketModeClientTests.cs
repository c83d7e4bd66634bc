using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Channels.Slack.SocketMode;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Slack.SocketMode;

/// <summary>The real host talking Socket Mode to a fake Slack on loopback.</summary>
public sealed class SlackSocketModeClientTests : IAsyncLifetime
{
    private readonly SupportBotFactory _factory = new();
    private FakeSlackSocketServer _slack = null!;
    private WebApplicationFactory<SupportBot.Host.Program> _host = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackSocketServer.StartAsync();

    private void StartHost(string? idleTimeout = null)
    {
        _factory
            .With("Slack:SigningSecret", "x")
            .With("Slack:BotToken", "xoxb-test-not-real")
            .With("Slack:AppToken", "xapp-test-not-real")
            .With("Slack:UseSocketMode", "true")
            .With("Slack:ApiBaseUrl", _slack.Url);
        if (idleTimeout is not null)
        {
            _factory.With("Slack:SocketModeIdleTimeout", idleTimeout);
        }

        // Until AddSlack registers Socket Mode itself (AddSlackSocketMode is idempotent).
        _host = _factory.WithWebHostBuilder(b => b.ConfigureServices((context, services) => services.AddSlackSocketMode(context.Configuration)));
        _ = _host.Services; // starts the host and its hosted services
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static JsonObject DirectMessageEnvelope(string envelopeId, string eventId, string channel, string ts, string text) => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["payload"] = new JsonObject
        {
            ["token"] = "x",
            ["team_id"] = "T0TEAM001",
            ["api_app_id"] = "A0APP0001",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "UBOT0001", ["is_bot"] = true }),
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["channel"] = channel,
                ["channel_type"] = "im",
                ["user"] = "U0AGENT01",
                ["text"] = text,
                ["ts"] = ts,
                ["event_ts"] = ts,
            },
        },
    };

    [Fact]
    public async Task Events_api_envelope_is_acked_and_the_reply_is_posted()
    {
        StartHost();
        var connection = await _slack.NextConnectionAsync();
        Assert.Equal("Bearer xapp-test-not-real", Assert.Single(_slack.OpenCalls));
        await connection.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });
        await connection.SendAsync(DirectMessageEnvelope("env-0001", "Ev0SOCK001", "D0SOCK001", "1700000101.000100", "Hello, my printer is broken"));

        var ack = await connection.ReceiveAsync();
        Assert.NotNull(ack);
        Assert.Equal("env-0001", ack["envelope_id"]?.GetValue<string>());

        var posts = await _slack.WaitForPostsAsync("D0SOCK001");
        Assert.NotEmpty(posts);
        connection.Done.TrySetResult();
    }

    [Fact]
    public async Task Disconnect_envelope_makes_the_client_reconnect()
    {
        StartHost();
        var first = await _slack.NextConnectionAsync();
        await first.SendAsync(new JsonObject { ["type"] = "hello" });
        await first.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });

        var second = await _slack.NextConnectionAsync();
        Assert.Equal(2, _slack.OpenCalls.Count);
        first.Done.TrySetResult();
        second.Done.TrySetResult();
    }

    [Fact]
    public async Task Silence_past_the_idle_timeout_makes_the_client_reconnect()
    {
        StartHost(idleTimeout: "00:00:01");
        var first = await _slack.NextConnectionAsync();
        await first.SendAsync(new JsonObject { ["type"] = "hello" });

        var second = await _slack.NextConnectionAsync(TimeSpan.FromSeconds(8));
        Assert.True(_slack.OpenCalls.Count >= 2);
        first.Done.TrySetResult();
        second.Done.TrySetResult();
    }

    [Fact]
    public async Task Slash_command_is_answered_in_the_ack_payload()
    {
        StartHost();
        var connection = await _slack.NextConnectionAsync();
        await connection.SendAsync(new JsonObject { ["type"] = "hello" });
        await connection.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-cmd-01",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["team_id"] = "T0TEAM001",
                ["channel_id"] = "C0CMD0001",
                ["user_id"] = "U0AGENT01",
                ["command"] = "/supportbot",
                ["text"] = "help",
                ["trigger_id"] = "1.2.abc",
            },
        });

        var ack = await connection.ReceiveAsync();
        Assert.NotNull(ack);
        Assert.Equal("env-cmd-01", ack["envelope_id"]?.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]?["response_type"]?.GetValue<string>());
        Assert.Contains("SupportBot commands", ack["payload"]?["text"]?.GetValue<string>(), StringComparison.Ordinal);
        connection.Done.TrySetResult();
    }
}
