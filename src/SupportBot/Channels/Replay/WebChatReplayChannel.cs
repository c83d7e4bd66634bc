using SupportBot.Host.Channels.WebChat;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary>
/// The local web chat shows messages the bot sends on its own by polling the conversation's transcript, so a replay
/// message is appended there as an outbound entry outside any case (it is a copy of a case, not a case of its own).
/// </summary>
public sealed class WebChatReplayChannel(ITranscriptStore transcripts, SensitiveDataRedactor redactor, TimeProvider time) : IReplayChannel
{
    public bool Handles(ReplayTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.ServiceUrl is null && target.ChannelId == WebChatAdapter.ChannelId;
    }

    public Task PostAsync(ReplayTarget target, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var now = time.GetUtcNow();
        var activity = redactor.Redact(ReplayActivity.Message(target, text, now, Guid.NewGuid().ToString("N")));
        return transcripts.AppendAsync([new TranscriptEntry(target.ConversationKey, now, TranscriptDirection.Outbound, activity)], cancellationToken);
    }
}
