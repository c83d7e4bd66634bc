using SupportBot.Activities;

namespace SupportBot.Turns;

/// <summary>Everything one turn needs: the inbound activity, a way to reply, and per-turn services.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Per-turn values shared by middleware and the bot (loaded state, recognition results).</summary>
    TurnStateCollection TurnState { get; }

    /// <summary>Replies queued this turn, in order. They are delivered after the turn has been persisted.</summary>
    IReadOnlyList<Activity> Replies { get; }

    bool Responded { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);
}
