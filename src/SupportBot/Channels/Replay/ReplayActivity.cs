using SupportBot.Activities;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary>The message activity a replay posts: from the bot, to the trainer, in the target conversation.</summary>
internal static class ReplayActivity
{
    public static Activity Message(ReplayTarget target, string text, DateTimeOffset now, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Timestamp = now,
        ChannelId = target.ChannelId,
        ServiceUrl = target.ServiceUrl,
        Conversation = new ConversationAccount { Id = target.ConversationId },
        From = target.Bot,
        Recipient = target.Trainer,
        Text = text,
        TextFormat = "markdown",
    };
}
