using SupportBot.Activities;
using Xunit.Sdk;

namespace SupportBot.Tests.Testing;

/// <summary>
/// Scripts a conversation, in the manner of Bot Framework's TestFlow: send a message, then assert the
/// replies one by one. Each step runs a real turn through the whole pipeline.
/// </summary>
internal sealed class TestFlow(BotHarness harness, string conversationId = "test-conversation")
{
    private int _sequence;

    public BotHarness Harness { get; } = harness;

    public async Task<TestFlow> SendAsync(string text) => await SendAsync(new Activity { Text = text });

    public async Task<TestFlow> SendAsync(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.Id ??= $"{conversationId}-{++_sequence}-{Guid.NewGuid():N}";
        activity.ChannelId ??= "test";
        activity.From ??= new ChannelAccount { Id = "agent-1", Name = "Test Agent" };
        activity.Recipient ??= new ChannelAccount { Id = "bot", Name = "SupportBot" };
        activity.Conversation ??= new ConversationAccount { Id = conversationId };
        await Harness.Adapter.ProcessActivityAsync(activity, CancellationToken.None);
        return this;
    }

    /// <summary>Asserts that the next reply contains <paramref name="expected"/> (case-insensitive).</summary>
    public TestFlow AssertReply(string expected)
    {
        var reply = NextReply();
        if (reply.Text?.Contains(expected, StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new XunitException($"Expected a reply containing \"{expected}\" but got \"{reply.Text}\".");
        }

        return this;
    }

    public TestFlow AssertReply(Action<Activity> check)
    {
        check(NextReply());
        return this;
    }

    /// <summary>Skips replies until one contains <paramref name="expected"/>.</summary>
    public TestFlow AssertReplyEventually(string expected)
    {
        while (true)
        {
            var reply = NextReply();
            if (reply.Text?.Contains(expected, StringComparison.OrdinalIgnoreCase) == true)
            {
                return this;
            }
        }
    }

    public TestFlow AssertNoMoreReplies()
    {
        if (Harness.Adapter.Replies.Count > 0)
        {
            throw new XunitException($"Expected no more replies, but got \"{Harness.Adapter.Replies.Peek().Text}\".");
        }

        return this;
    }

    public TestFlow DrainReplies()
    {
        Harness.Adapter.Replies.Clear();
        return this;
    }

    private Activity NextReply() =>
        Harness.Adapter.Replies.TryDequeue(out var reply)
            ? reply
            : throw new XunitException("Expected another reply, but the bot said nothing more.");
}

internal static class TestFlowExtensions
{
    public static async Task<TestFlow> SendAsync(this Task<TestFlow> flow, string text) => await (await flow).SendAsync(text);

    public static async Task<TestFlow> AssertReply(this Task<TestFlow> flow, string expected) => (await flow).AssertReply(expected);

    public static async Task<TestFlow> AssertReplyEventually(this Task<TestFlow> flow, string expected) => (await flow).AssertReplyEventually(expected);

    public static async Task<TestFlow> DrainReplies(this Task<TestFlow> flow) => (await flow).DrainReplies();
}
