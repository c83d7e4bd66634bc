using System.Text;
using SupportBot.Activities;

namespace SupportBot.Tests.Infrastructure;

internal static class TestActivities
{
    public static Activity Message(string text, string serviceUrl, string conversationId = "conv-1", string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "agent-7", Name = "Test Agent" },
        Recipient = new ChannelAccount { Id = "supportbot", Name = "SupportBot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
    };

    public static StringContent Json(Activity activity) => new(ActivityJson.Serialize(activity), Encoding.UTF8, "application/json");

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");
}
