using SupportBot.Host.Channels.Terminal;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

/// <summary><c>supportbot chat</c>: replay messages are written to the terminal like any reply.</summary>
public sealed class TerminalReplayChannel(TextWriter output) : IReplayChannel
{
    public bool Handles(ReplayTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.ServiceUrl is null && target.ChannelId == TerminalAdapter.ChannelId;
    }

    public async Task PostAsync(ReplayTarget target, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await output.WriteLineAsync(TerminalRenderer.Render(new SupportBot.Activities.Activity { Text = text }).AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
