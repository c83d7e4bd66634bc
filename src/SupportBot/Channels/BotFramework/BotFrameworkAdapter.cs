using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>The adapter for Bot Framework channels (Teams, the Agents Playground, the Emulator): replies go to the serviceUrl.</summary>
public sealed class BotFrameworkAdapter(TurnPipeline pipeline, ConnectorClient connector) : BotAdapter(pipeline)
{
    protected override async Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            await connector.ReplyToActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }
}
