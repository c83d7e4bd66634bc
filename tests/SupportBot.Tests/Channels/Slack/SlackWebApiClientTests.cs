using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Host.Channels.Slack;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackWebApiClientTests
{
    private sealed class Scripted(params Func<HttpRequestMessage, HttpResponseMessage>[] responses) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return responses[Math.Min(Bodies.Count - 1, responses.Length - 1)](request);
        }
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage RateLimited(int? seconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (seconds is { } s)
        {
            response.Headers.Add("Retry-After", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static SlackWebApiClient Client(HttpMessageHandler handler) => new(
        new HttpClient(handler),
        Options.Create(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-test-not-real", ApiBaseUrl = "https://slack.example/api" }),
        TimeProvider.System,
        NullLogger<SlackWebApiClient>.Instance);

    [Fact]
    public async Task Posts_json_with_thread_ts_as_a_string()
    {
        var handler = new Scripted(_ => Json("""{"ok":true,"ts":"1700000000.000200"}"""));
        var ts = await Client(handler).PostMessageAsync("C0CHAN0001", "hi", "1700000000.000100");

        Assert.Equal("1700000000.000200", ts);
        var body = JsonNode.Parse(handler.Bodies[0])!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, body["thread_ts"]!.GetValueKind());
    }

    [Fact]
    public async Task Not_in_channel_says_to_invite_the_bot()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client(new Scripted(_ => Json("""{"ok":false,"error":"not_in_channel"}"""))).PostMessageAsync("C1", "hi"));
        Assert.Equal("not_in_channel", ex.Error);
        Assert.Contains("invite the bot to that channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_retried_once_after_Retry_After()
    {
        var handler = new Scripted(_ => RateLimited(0), _ => Json("""{"ok":true,"ts":"1.2"}"""));
        Assert.Equal("1.2", await Client(handler).PostMessageAsync("C1", "hi"));
        Assert.Equal(2, handler.Bodies.Count);
    }

    [Fact]
    public async Task A_second_429_fails()
    {
        var handler = new Scripted(_ => RateLimited(0));
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client(handler).PostMessageAsync("C1", "hi"));
        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(2, handler.Bodies.Count);
    }

    [Fact]
    public void Replies_are_escaped_and_choices_become_buttons()
    {
        Assert.Equal("a &amp;lt; &lt;b&gt; &amp; c", SlackAdapter.Escape("a &lt; <b> & c"));

        var blocks = SlackAdapter.BuildBlocks(SlackAdapter.Escape(new string('x', 3500)), new SuggestedActions
        {
            Actions = [.. Enumerable.Range(1, 7).Select(i => new CardAction { Title = new string('L', 100), Value = "choice-" + i })],
        })!;

        var sections = blocks.Where(b => b!["type"]!.GetValue<string>() == "section").ToList();
        Assert.Equal(2, sections.Count);
        Assert.All(sections, s => Assert.True(s!["text"]!["text"]!.GetValue<string>().Length <= 3000));
        var buttons = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        Assert.Equal(5, buttons.Count);
        Assert.Equal("choice-1", buttons[0]!["value"]!.GetValue<string>());
        Assert.All(buttons, b => Assert.True(b!["text"]!["text"]!.GetValue<string>().Length <= 75));
    }

    [Fact]
    public void Thread_conversations_split_back_into_channel_and_thread() =>
        Assert.Equal(("C1", "1700000000.000100"), SlackAdapter.SplitConversationId("C1:1700000000.000100"));
}
