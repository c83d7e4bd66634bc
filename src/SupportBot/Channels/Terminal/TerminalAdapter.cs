using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Host.Channels.Terminal;

/// <summary>Writes replies to a terminal: buttons become a numbered list the agent can answer by number.</summary>
public sealed class TerminalAdapter(TurnPipeline pipeline, TextWriter output) : BotAdapter(pipeline)
{
    public const string ChannelId = "terminal";

    protected override async Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            await output.WriteLineAsync(TerminalRenderer.Render(activity).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
