using SupportBot.Activities;
using SupportBot.Host.Channels.Teams.Cards;
using SupportBot.Turns;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>The adapter for Bot Framework channels (Teams, the Agents Playground, the Emulator): replies go to the serviceUrl.</summary>
public sealed class BotFrameworkAdapter(TurnPipeline pipeline, ConnectorClient connector) : BotAdapter(pipeline)
{
    protected override async Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            // Teams shows suggested actions only in personal chats and knows nothing of SupportBot's
            // outcome attachment, so it gets Adaptive Cards instead.
            var outgoing = activity.ChannelId == TeamsActivityConverter.ChannelId ? TeamsActivityConverter.ForTeams(activity) : activity;
            await connector.ReplyToActivityAsync(outgoing, cancellationToken).ConfigureAwait(false);
        }
    }
}
