using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Tests.Transcripts.Chat;

public class MentionedUsersTests
{
    private static JsonObject Mention(string text, string id) => new()
    {
        ["type"] = "mention",
        ["text"] = text,
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = text },
    };

    [Fact]
    public void WithIds_puts_a_mentioned_colleagues_id_where_Teams_wrote_their_name()
    {
        var activity = new Activity
        {
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [Mention("<at>SupportBot</at>", "28:bot"), Mention("<at>Sample Agent</at>", "29:1AgentMri")],
        };

        var text = MentionedUsers.WithIds(activity, "escalated by <at>Sample Agent</at> yesterday");

        Assert.Equal("escalated by 29:1AgentMri yesterday", text);
    }

    [Fact]
    public void WithIds_leaves_text_without_mentions_alone()
    {
        Assert.Equal("by agent-7", MentionedUsers.WithIds(new Activity(), "by agent-7"));
    }
}
