using SupportBot.Activities;

namespace SupportBot.Turns;

/// <summary>
/// The turn context. Replies are queued rather than sent at once, so the adapter can persist the
/// turn (state and transcript) before anything leaves the process.
/// </summary>
public sealed class TurnContext(Activity activity, TimeProvider timeProvider) : ITurnContext
{
    private readonly List<Activity> _replies = [];

    public Activity Activity { get; } = activity;

    public TurnStateCollection TurnState { get; } = new();

    public IReadOnlyList<Activity> Replies => _replies;

    public bool Responded => _replies.Count > 0;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.Timestamp ??= timeProvider.GetUtcNow();
        activity.ChannelId ??= Activity.ChannelId;
        activity.Conversation ??= Activity.Conversation;
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.From ??= Activity.Recipient;
        activity.Recipient ??= Activity.From;
        // Replies thread under the agent's message; a proactive event (a lead's action) starts a new message.
        activity.ReplyToId ??= Activity.Type == ActivityTypes.Message ? Activity.Id : null;
        _replies.Add(activity);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    /// <summary>Drops the replies queued so far: after a failed turn they describe state that was never saved.</summary>
    internal void DiscardReplies() => _replies.Clear();

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateReply(text), cancellationToken);
}
