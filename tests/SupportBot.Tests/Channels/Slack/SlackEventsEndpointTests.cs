using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Slack;

/// <summary>Slack traffic through the real host's <c>/slack/events</c>, answered at a fake Slack Web API.</summary>
public sealed class SlackEventsEndpointTests : IAsyncLifetime
{
    private const string BotUserId = "UBOT0001";

    private SlackTestHost _slackHost = null!;

    public async Task InitializeAsync() => _slackHost = await SlackTestHost.StartAsync(new SupportBotFactory());

    public async Task DisposeAsync() => await _slackHost.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string body, string? signature = null, int? retryNum = null) =>
        _slackHost.PostSignedAsync("/slack/events", body, "application/json", signature, request =>
        {
            if (retryNum is { } n)
            {
                request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
            }
        });

    private static string DirectMessage(string eventId, string channel, string ts, string text, string? botId = null)
    {
        var e = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["channel_type"] = "im",
            ["user"] = "U0AGENT01",
            ["text"] = text,
            ["ts"] = ts,
            ["event_ts"] = ts,
        };
        if (botId is not null)
        {
            e["bot_id"] = botId;
        }

        return Callback(eventId, e);
    }

    private static string Callback(string eventId, JsonObject e) => new JsonObject
    {
        ["token"] = "deprecated",
        ["team_id"] = "T0TEAM001",
        ["api_app_id"] = "A0APP0001",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0TEAM001", ["user_id"] = BotUserId, ["is_bot"] = true }),
        ["event"] = e,
    }.ToJsonString();

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await PostAsync("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_signature_is_401()
    {
        var response = await PostAsync("""{"type":"url_verification","challenge":"c"}""", signature: "v0=" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Missing_headers_are_401()
    {
        var response = await _slackHost.Client.PostAsync("/slack/events", new StringContent("""{"type":"url_verification","challenge":"c"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_direct_message_is_acknowledged_at_once_and_answered_with_chat_postMessage()
    {
        var watch = Stopwatch.StartNew();
        var response = await PostAsync(DirectMessage("Ev0DM00001", "D0DM00001", "1700000001.000100", "Hello, my printer is broken"));
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"ack took {watch.Elapsed}");

        var posts = await _slackHost.Slack.WaitForPostsAsync("D0DM00001");
        var post = posts[0];
        Assert.False(string.IsNullOrWhiteSpace(post["text"]?.GetValue<string>()));
        Assert.Null(post["thread_ts"]); // a top-level DM is answered in place
        var raw = _slackHost.Slack.Posts.First(p => p.Body["channel"]?.GetValue<string>() == "D0DM00001");
        Assert.Equal("Bearer xoxb-test-not-real", raw.Authorization);
        Assert.StartsWith("application/json", raw.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_event_id_is_answered_once()
    {
        var body = DirectMessage("Ev0DUP0001", "D0DUP0001", "1700000002.000100", "Hello");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, retryNum: 1)).StatusCode);
        // The same message under a new event id (app_mention + message.*, or Slack re-sending it).
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(DirectMessage("Ev0DUP0002", "D0DUP0001", "1700000002.000100", "Hello"))).StatusCode);

        await _slackHost.Slack.WaitForPostsAsync("D0DUP0001");
        // A later event in another conversation has been answered, so any duplicate turn would have had its chance.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(DirectMessage("Ev0SENT001", "D0SENT001", "1700000003.000100", "Hello"))).StatusCode);
        await _slackHost.Slack.WaitForPostsAsync("D0SENT001");
        await Task.Delay(300);

        // The same text in a fresh conversation gives the number of posts one turn makes.
        Assert.Equal(_slackHost.Slack.PostsTo("D0SENT001").Count, _slackHost.Slack.PostsTo("D0DUP0001").Count);
    }

    [Fact]
    public async Task Messages_from_bots_and_edits_are_ignored()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(DirectMessage("Ev0BOT0001", "D0BOT0001", "1700000004.000100", "I am a bot", botId: "B0OTHER01"))).StatusCode);
        var edit = JsonNode.Parse(DirectMessage("Ev0EDIT001", "D0BOT0001", "1700000004.000200", "edited"))!.AsObject();
        edit["event"]!["subtype"] = "message_changed";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(edit.ToJsonString())).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(DirectMessage("Ev0SENT002", "D0SENT002", "1700000005.000100", "Hello"))).StatusCode);
        await _slackHost.Slack.WaitForPostsAsync("D0SENT002");
        await Task.Delay(300);

        Assert.Empty(_slackHost.Slack.PostsTo("D0BOT0001"));
    }

    [Fact]
    public async Task A_channel_mention_is_answered_in_a_thread_without_the_mention()
    {
        var e = new JsonObject
        {
            ["type"] = "app_mention",
            ["channel"] = "C0CHAN0001",
            ["user"] = "U0AGENT01",
            ["text"] = $"<@{BotUserId}> hello",
            ["ts"] = "1700000006.000100",
            ["event_ts"] = "1700000006.000100",
        };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Callback("Ev0MENT001", e))).StatusCode);

        var post = (await _slackHost.Slack.WaitForPostsAsync("C0CHAN0001"))[0];
        Assert.Equal("1700000006.000100", post["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_whole_missing_camera_conversation_runs_in_a_channel_thread()
    {
        const string channel = "C0CHAN0009";
        const string thread = "1700000100.000100";
        var sequence = 0;

        Task<HttpResponseMessage> Reply(string text) => PostAsync(Callback($"Ev0THREAD{++sequence:000}", new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["channel_type"] = "channel",
            ["user"] = "U0AGENT01",
            ["text"] = text,
            ["ts"] = $"1700000100.{sequence + 200:000000}",
            ["thread_ts"] = thread,
        }));

        await PostAsync(Callback("Ev0THREAD000", new JsonObject
        {
            ["type"] = "app_mention",
            ["channel"] = channel,
            ["user"] = "U0AGENT01",
            ["text"] = $"<@{BotUserId}> cx says a camera is missing from the box, order 100-2000-3000",
            ["ts"] = thread,
        }));
        await _slackHost.Slack.WaitForPostsAsync(channel, 3);

        foreach (var text in new[] { "3", "2", "one Reveal Ultra", "yes", "account holder", "send the missing camera" })
        {
            var before = _slackHost.Slack.PostsTo(channel).Count;
            Assert.Equal(HttpStatusCode.OK, (await Reply(text)).StatusCode);
            await _slackHost.Slack.WaitForPostsAsync(channel, before + 1);
        }

        var posts = _slackHost.Slack.PostsTo(channel);
        Assert.All(posts, p => Assert.Equal(thread, p["thread_ts"]!.GetValue<string>()));
        Assert.Contains(posts, p => p["text"]!.GetValue<string>().Contains("Ticket note", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_in_a_thread_SupportBot_is_not_part_of_is_ignored()
    {
        await PostAsync(Callback("Ev0OTHER001", new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "C0CHAN0010",
            ["channel_type"] = "channel",
            ["user"] = "U0AGENT01",
            ["text"] = "cust says battery belt melted",
            ["ts"] = "1700000300.000200",
            ["thread_ts"] = "1700000300.000100",
        }));
        await PostAsync(DirectMessage("Ev0OTHER002", "D0PROBE002", "1700000300.000300", "help"));

        await _slackHost.Slack.WaitForPostsAsync("D0PROBE002");
        Assert.Empty(_slackHost.Slack.PostsTo("C0CHAN0010"));
    }
}

/// <summary>Without Slack:SigningSecret the endpoint says so instead of accepting anything.</summary>
public sealed class SlackNotConfiguredTests
{
    [Fact]
    public async Task Events_are_404_with_a_clear_error()
    {
        await using var host = new SupportBotFactory();
        using var client = host.CreateClient();

        var response = await client.PostAsync("/slack/events", new StringContent("""{"type":"url_verification","challenge":"c"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Slack:SigningSecret is not set", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
