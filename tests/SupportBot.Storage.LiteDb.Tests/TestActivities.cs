using SupportBot.Activities;

namespace SupportBot.Tests.Storage.LiteDb;

internal static class TestActivities
{
    /// <summary>A message as a channel would send it, with the conversation it belongs to.</summary>
    public static Activity Message(string conversationId, string text) => new()
    {
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user-1" },
        Text = text,
    };
}
