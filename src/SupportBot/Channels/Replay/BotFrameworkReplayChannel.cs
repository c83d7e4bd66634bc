using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.Slack;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary>
/// Bot Framework channels (Teams, the Agents Playground, the Emulator): posts to the conversation at its serviceUrl.
/// A Teams channel conversation is the thread (<c>19:…;messageid=&lt;root&gt;</c>) the header was answered in, so the
/// turns are replies in that thread; a personal chat has no threads, so they follow in sequence.
/// </summary>
public sealed class BotFrameworkReplayChannel(ConnectorClient connector, TimeProvider time) : IReplayChannel
{
    public bool Handles(ReplayTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return !string.IsNullOrEmpty(target.ServiceUrl) && target.ChannelId != SlackAdapter.ChannelId;
    }

    public async Task PostAsync(ReplayTarget target, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await connector.SendToConversationAsync(target.ServiceUrl!, target.ConversationId, ReplayActivity.Message(target, text, time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
    }
}
