using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Channels.Slack;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Replay;

/// <summary><c>replay N</c> on Slack through the real host's <c>/slack/events</c>, posted at a fake Slack Web API.</summary>
public sealed class SlackReplayTests : IAsyncLifetime
{
    private const string BotUserId = "UBOT0001";
    private const string Trainer = "U0TRAINER1";

    private SlackTestHost _slackHost = null!;
    private int _events;

    public async Task InitializeAsync() => _slackHost = await SlackTestHost.StartAsync(new SupportBotFactory().With("Training:Trainers:0", Trainer).With("Training:ReplayInterval", "00:00:00"));

    public async Task DisposeAsync() => await _slackHost.DisposeAsync();

    private async Task SendEventAsync(JsonObject e)
    {
        var body = new JsonObject
        {
            ["team_id"] = "T0TEAM001",
            ["api_app_id"] = "A0APP0001",
            ["type"] = "event_callback",
            ["event_id"] = "Ev0REPLAY" + Interlocked.Increment(ref _events).ToString("D3", CultureInfo.InvariantCulture),
            ["event_time"] = 1700000000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0TEAM001", ["user_id"] = BotUserId, ["is_bot"] = true }),
            ["event"] = e,
        }.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await _slackHost.PostSignedAsync("/slack/events", body, "application/json")).StatusCode);
    }

    private static string Text(JsonObject post) => post["text"]!.GetValue<string>();

    [Fact]
    public async Task Replay_asked_in_a_channel_posts_the_header_then_each_turn_under_the_headers_thread_ts()
    {
        var recorded = await ReplayCases.SaveAsync(_slackHost.Host.Services, "U0AGENT01", turns: 3);
        const string mentionTs = "1700000200.000100";

        await SendEventAsync(new JsonObject
        {
            ["type"] = "app_mention",
            ["channel"] = "C0TRAINING",
            ["user"] = Trainer,
            ["text"] = $"<@{BotUserId}> replay {recorded.Id}",
            ["ts"] = mentionTs,
            ["event_ts"] = mentionTs,
        });

        var posts = await _slackHost.Slack.WaitForPostsAsync("C0TRAINING", count: 4);
        Assert.Equal(4, posts.Count);
        Assert.StartsWith($"**Replay of case #{recorded.Id}**", Text(posts[0]));
        Assert.All(posts, p => Assert.Equal(mentionTs, p["thread_ts"]?.GetValue<string>()));
        Assert.StartsWith("**Turn 1 of 3**", Text(posts[1]));
        Assert.StartsWith("**Turn 2 of 3**", Text(posts[2]));
        Assert.Contains("Choices: Yes · No", Text(posts[2]));
        Assert.StartsWith("**Turn 3 of 3**", Text(posts[3]));
        // Replayed choices are a list to read, not buttons that would answer a prompt.
        Assert.All(posts, p => Assert.Null(p["blocks"]));
    }

    [Fact]
    public async Task Replay_asked_in_a_direct_message_posts_the_turns_in_sequence_outside_any_thread()
    {
        var recorded = await ReplayCases.SaveAsync(_slackHost.Host.Services, "U0AGENT01", turns: 2);

        await SendEventAsync(new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "D0TRAINER1",
            ["channel_type"] = "im",
            ["user"] = Trainer,
            ["text"] = $"replay {recorded.Id}",
            ["ts"] = "1700000300.000100",
            ["event_ts"] = "1700000300.000100",
        });

        var posts = await _slackHost.Slack.WaitForPostsAsync("D0TRAINER1", count: 3);
        Assert.StartsWith($"**Replay of case #{recorded.Id}**", Text(posts[0]));
        Assert.StartsWith("**Turn 1 of 2**", Text(posts[1]));
        Assert.StartsWith("**Turn 2 of 2**", Text(posts[2]));
        Assert.All(posts, p => Assert.Null(p["thread_ts"]));
    }

    [Fact]
    public async Task An_agent_asking_to_replay_someone_elses_case_is_refused()
    {
        var recorded = await ReplayCases.SaveAsync(_slackHost.Host.Services, "U0AGENT01", turns: 2);

        await SendEventAsync(new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "D0AGENT002",
            ["channel_type"] = "im",
            ["user"] = "U0AGENT02",
            ["text"] = $"replay {recorded.Id}",
            ["ts"] = "1700000400.000100",
            ["event_ts"] = "1700000400.000100",
        });

        var post = Assert.Single(await _slackHost.Slack.WaitForPostsAsync("D0AGENT002"));
        Assert.StartsWith($"Sorry, case #{recorded.Id} is another agent's", Text(post));
    }
}
