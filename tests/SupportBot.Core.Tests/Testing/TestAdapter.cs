using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Tests.Testing;

/// <summary>An adapter for tests: replies are queued for assertions instead of sent anywhere.</summary>
internal sealed class TestAdapter(TurnPipeline pipeline) : BotAdapter(pipeline)
{
    public Queue<Activity> Replies { get; } = new();

    protected override Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        lock (Replies)
        {
            foreach (var activity in activities)
            {
                Replies.Enqueue(activity);
            }
        }

        return Task.CompletedTask;
    }
}
