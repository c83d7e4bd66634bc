using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// The Slack channel's adapter: a Slack message becomes an activity (channel <c>slack</c>, conversation = Slack channel
/// or <c>channel:thread_ts</c>), and each reply is posted with <c>chat.postMessage</c> into the same place.
/// </summary>
public sealed class SlackAdapter(TurnPipeline pipeline, SlackWebApiClient slack, TimeProvider timeProvider) : BotAdapter(pipeline)
{
    public const string ChannelId = "slack";
    public const int MaxSectionText = 3000;
    public const int MaxButtonLabel = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxButtons = 5;

    public Task<TurnResult> ProcessAsync(SlackInboundEvent message, CancellationToken cancellationToken) =>
        ProcessActivityAsync(ToActivity(message, timeProvider.GetUtcNow()), cancellationToken);

    public static Activity ToActivity(SlackInboundEvent message, DateTimeOffset now) => new()
    {
        Type = ActivityTypes.Message,
        Id = message.Ts,
        Timestamp = now,
        ChannelId = ChannelId,
        From = new ChannelAccount { Id = message.User },
        Recipient = new ChannelAccount { Id = message.BotUserId ?? "supportbot", Name = "SupportBot" },
        Conversation = new ConversationAccount { Id = message.ConversationId, ConversationType = message.IsDirectMessage ? "personal" : "channel" },
        Text = message.Text,
        ChannelData = new JsonObject
        {
            ["team_id"] = message.TeamId,
            ["channel"] = message.Channel,
            ["ts"] = message.Ts,
            ["thread_ts"] = message.ThreadTs,
            ["event_id"] = message.EventId,
        },
    };

    protected override async Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            if (activity.Type != ActivityTypes.Message)
            {
                continue;
            }

            var (channel, threadTs) = SplitConversationId(activity.Conversation?.Id ?? turnContext.Activity.Conversation?.Id
                ?? throw new InvalidOperationException("The reply has no conversation id."));
            var text = Escape(activity.Text ?? "");
            var blocks = BuildBlocks(text, activity.SuggestedActions);
            if (text.Length == 0 && blocks is null)
            {
                continue;
            }

            await slack.PostMessageAsync(channel, text.Length == 0 ? "Choose an option." : text, threadTs, blocks, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Slack channel ids never contain ':', so <c>channel:thread_ts</c> splits back unambiguously.</summary>
    public static (string Channel, string? ThreadTs) SplitConversationId(string conversationId)
    {
        var colon = conversationId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (conversationId, null) : (conversationId[..colon], conversationId[(colon + 1)..]);
    }

    /// <summary>mrkdwn escaping: exactly &amp;, &lt; and &gt; (ampersand first).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Section blocks for the (escaped) text and one actions block with up to five buttons, or null without choices.</summary>
    public static JsonArray? BuildBlocks(string escapedText, SuggestedActions? suggested)
    {
        var choices = suggested?.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Title) || !string.IsNullOrWhiteSpace(a.Value)).Take(MaxButtons).ToList();
        if (choices is not { Count: > 0 })
        {
            return null;
        }

        var blocks = new JsonArray();
        foreach (var chunk in Chunks(escapedText.Length == 0 ? "Choose an option." : escapedText, MaxSectionText))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = chunk },
            });
        }

        var buttons = new JsonArray();
        for (var i = 0; i < choices.Count; i++)
        {
            var label = string.IsNullOrWhiteSpace(choices[i].Title) ? choices[i].Value! : choices[i].Title;
            var value = choices[i].Value ?? choices[i].Title;
            buttons.Add(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = "supportbot_choice_" + i,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(label, MaxButtonLabel) },
                ["value"] = Truncate(value, MaxButtonValue),
            });
        }

        blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        return blocks;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Splits text into pieces of at most <paramref name="max"/> characters without cutting an &amp;...; entity.</summary>
    private static IEnumerable<string> Chunks(string text, int max)
    {
        var start = 0;
        while (text.Length - start > max)
        {
            var end = start + max;
            var amp = text.LastIndexOf('&', end - 1, Math.Min(5, max));
            if (amp > start && text.IndexOf(';', amp) >= end)
            {
                end = amp;
            }

            yield return text[start..end];
            start = end;
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
