using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Host.Channels.Teams;

namespace SupportBot.Tests.Channels.Teams;

public sealed class TeamsMentionsTests
{
    private const string BotId = "28:0f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff";

    private static JsonObject Mention(string id, string name, string? text = null) => new()
    {
        ["type"] = "mention",
        ["text"] = text ?? $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    private static Activity Message(string text, params JsonObject[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Text = text,
        Recipient = new ChannelAccount { Id = BotId, Name = "SupportBot" },
        From = new ChannelAccount { Id = "29:1UserMri", Name = "Ada" },
        Entities = [.. entities],
    };

    [Fact]
    public void The_bots_mention_is_removed_and_the_text_trimmed()
    {
        var activity = Message("<at>SupportBot</at> cust says battery belt melted ", Mention(BotId, "SupportBot"));

        Assert.True(TeamsMentions.RemoveRecipientMention(activity));

        Assert.Equal("cust says battery belt melted", activity.Text);
    }

    [Fact]
    public void Other_mentions_stay()
    {
        var activity = Message(
            "<at>Lee</at> please look, <at>SupportBot</at> register this channel as escalation-lead",
            Mention("29:lee", "Lee"), Mention(BotId, "SupportBot"));

        TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("<at>Lee</at> please look,  register this channel as escalation-lead", activity.Text);
    }

    [Fact]
    public void Only_the_first_occurrence_of_the_first_bot_mention_is_removed()
    {
        var activity = Message("<at>SupportBot</at> what does <at>SupportBot</at> do?", Mention(BotId, "SupportBot"), Mention(BotId, "SupportBot"));

        TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("what does <at>SupportBot</at> do?", activity.Text);
    }

    [Fact]
    public void A_mention_with_the_bots_name_but_another_id_is_not_the_bots()
    {
        var activity = Message("<at>SupportBot</at> hello", Mention("29:someone-called-supportbot", "SupportBot"));

        Assert.False(TeamsMentions.RemoveRecipientMention(activity));

        Assert.Equal("<at>SupportBot</at> hello", activity.Text);
    }

    [Fact]
    public void Other_channels_are_left_alone()
    {
        var activity = Message("<at>SupportBot</at> hello", Mention(BotId, "SupportBot"));
        activity.ChannelId = "emulator";

        Assert.False(TeamsMentions.RemoveRecipientMention(activity));

        Assert.Equal("<at>SupportBot</at> hello", activity.Text);
    }

    [Fact]
    public void A_message_without_entities_is_unchanged()
    {
        var activity = Message("  hello  ");

        Assert.False(TeamsMentions.RemoveRecipientMention(activity));

        Assert.Equal("  hello  ", activity.Text);
    }
}
