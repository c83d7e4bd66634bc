using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Host.Channels.Slack;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackWebApiExtrasTests
{
    private static SlackWebApiClient Client(FakeSlackApi fake, TimeProvider time) => new(
        new HttpClient(),
        Options.Create(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-test-not-real", ApiBaseUrl = fake.Url }),
        time,
        NullLogger<SlackWebApiClient>.Instance);

    [Fact]
    public async Task Users_info_is_sent_form_encoded_with_the_user_id()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        var user = await Client(fake, new FakeTimeProvider()).GetUserAsync("U0ADA00001");

        Assert.Equal(new SlackUser("U0ADA00001", "ada", "Ada Lovelace", false, "Europe/London"), user);
        var call = Assert.Single(fake.Calls);
        Assert.Equal("users.info", call.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("Bearer xoxb-test-not-real", call.Authorization);
        Assert.Equal("user=U0ADA00001", call.Body);
    }

    [Fact]
    public async Task Conversations_open_returns_the_dm_channel()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        var channel = await Client(fake, new FakeTimeProvider()).OpenConversationAsync("U0ADA00001");

        Assert.Equal("D0ADA00001", channel);
        var call = Assert.Single(fake.Calls);
        Assert.Equal("U0ADA00001", JsonNode.Parse(call.Body)!["users"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ephemeral_sends_channel_and_user()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        var ts = await Client(fake, new FakeTimeProvider()).PostEphemeralAsync("C0CHAN0001", "U0ADA00001", "only you");

        Assert.NotNull(ts);
        var call = Assert.Single(fake.Calls);
        Assert.Equal("chat.postEphemeral", call.Method);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal("C0CHAN0001", body["channel"]!.GetValue<string>());
        Assert.Equal("U0ADA00001", body["user"]!.GetValue<string>());
        Assert.Equal("only you", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_fourth_quick_post_to_a_channel_waits_about_a_second_while_another_channel_does_not()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        var time = new FakeTimeProvider();
        var client = Client(fake, time);

        for (var i = 1; i <= 3; i++)
        {
            await client.PostMessageAsync("C0PACE0001", "burst " + i).WaitAsync(TimeSpan.FromSeconds(5));
        }

        var fourth = client.PostMessageAsync("C0PACE0001", "burst 4");
        await client.PostMessageAsync("C0PACE0002", "other channel").WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, fake.PostsTo("C0PACE0001").Count);

        var start = time.GetUtcNow();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!fourth.IsCompleted && DateTime.UtcNow < deadline)
        {
            if (time.GetUtcNow() - start < TimeSpan.FromSeconds(3))
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(20);
        }

        await fourth.WaitAsync(TimeSpan.FromSeconds(1));
        var waited = time.GetUtcNow() - start;
        Assert.InRange(waited, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1300));
        Assert.Equal(["burst 1", "burst 2", "burst 3", "burst 4"], fake.PostsTo("C0PACE0001").Select(p => p["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_90000_character_text_becomes_three_messages_in_order()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        var line = new string('a', 99) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, 900)); // 90,000 characters
        var ts = await Client(fake, new FakeTimeProvider()).PostMessageAsync("C0LONG0001", text).WaitAsync(TimeSpan.FromSeconds(5));

        var posts = fake.PostsTo("C0LONG0001");
        Assert.Equal(3, posts.Count);
        var parts = posts.Select(p => p["text"]!.GetValue<string>()).ToList();
        Assert.All(parts, p => Assert.InRange(p.Length, 1, SlackWebApiClient.MaxTextLength));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), string.Concat(parts).Replace("\n", "", StringComparison.Ordinal));
        Assert.EndsWith("a", parts[0], StringComparison.Ordinal); // split on the line break, which is dropped
        Assert.Equal("1700000000.000001", ts);
    }

    [Fact]
    public void Text_without_line_breaks_is_cut_at_the_limit()
    {
        var parts = SlackWebApiClient.SplitText(new string('x', 90_000), SlackWebApiClient.MaxTextLength);
        Assert.Equal([40_000, 40_000, 10_000], parts.Select(p => p.Length));
    }

    [Fact]
    public async Task Pacer_forgets_idle_channels()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackChannelPacer(time);
        for (var i = 0; i < SlackChannelPacer.SweepThreshold + 10; i++)
        {
            (await pacer.AcquireAsync("C" + i, CancellationToken.None)).Dispose();
        }

        time.Advance(TimeSpan.FromSeconds(10));
        (await pacer.AcquireAsync("CLAST", CancellationToken.None)).Dispose();
        Assert.True(pacer.TrackedChannels <= 1);
    }
}
