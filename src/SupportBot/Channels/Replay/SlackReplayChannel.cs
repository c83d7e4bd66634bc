using SupportBot.Host.Channels.Slack;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary>
/// Slack: posts with <c>chat.postMessage</c> into the conversation the trainer asked in. A channel conversation is
/// <c>channel:thread_ts</c> (the header was answered in that thread), so the turns go under the same <c>thread_ts</c>;
/// a DM outside a thread has none, so they follow in sequence.
/// </summary>
public sealed class SlackReplayChannel(SlackWebApiClient slack) : IReplayChannel
{
    public bool Handles(ReplayTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.ChannelId == SlackAdapter.ChannelId;
    }

    public async Task PostAsync(ReplayTarget target, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (channel, threadTs) = SlackAdapter.SplitConversationId(target.ConversationId);
        await slack.PostMessageAsync(channel, SlackAdapter.Escape(text), threadTs, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
