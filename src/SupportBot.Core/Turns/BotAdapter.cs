using SupportBot.Activities;

namespace SupportBot.Turns;

/// <summary>
/// A channel's adapter: it turns the channel's input into activities, runs them through the shared
/// <see cref="TurnPipeline"/>, and sends replies back the channel's way.
/// </summary>
public abstract class BotAdapter(TurnPipeline pipeline)
{
    public Task<TurnResult> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        pipeline.RunAsync(activity, SendActivitiesAsync, cancellationToken);

    /// <summary>Sends the replies of a turn, in order. Called once per turn, after the turn is persisted.</summary>
    protected abstract Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
