using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary>Posts one replay message into a conversation of one kind of channel, the way that channel delivers messages on its own.</summary>
public interface IReplayChannel
{
    bool Handles(ReplayTarget target);

    /// <summary>Posts <paramref name="text"/> into the target conversation (its thread, where it is one); throws when the channel refuses.</summary>
    Task PostAsync(ReplayTarget target, string text, CancellationToken cancellationToken);
}
