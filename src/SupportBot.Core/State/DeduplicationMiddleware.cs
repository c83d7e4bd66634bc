using Microsoft.Extensions.Logging;
using SupportBot.Turns;

namespace SupportBot.State;

/// <summary>
/// Drops an activity whose id this conversation has already processed. Channels redeliver when they
/// do not hear back in time; the agent must never see the same answer twice. The id is remembered in
/// the conversation state, so it is saved in the same write as the turn's effects.
/// </summary>
public sealed partial class DeduplicationMiddleware(ILogger<DeduplicationMiddleware> logger) : IMiddleware
{
    /// <summary>
    /// How many recent ids each conversation remembers. Channels redeliver within seconds, while the
    /// conversation is still on the same few turns, and every id costs bytes in every saved state.
    /// </summary>
    public const int Window = 20;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var id = turnContext.Activity.Id;
        var data = turnContext.ConversationData();
        if (!string.IsNullOrEmpty(id) && data.RecentActivityIds.Contains(id))
        {
            LogDuplicate(logger, id, turnContext.Activity.ConversationKey);
            turnContext.TurnState.Set(new DuplicateActivity(id));
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);

        if (!string.IsNullOrEmpty(id))
        {
            data.RecentActivityIds.Add(id);
            if (data.RecentActivityIds.Count > Window)
            {
                data.RecentActivityIds.RemoveRange(0, data.RecentActivityIds.Count - Window);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped redelivered activity {ActivityId} in {ConversationKey}")]
    private static partial void LogDuplicate(ILogger logger, string activityId, string conversationKey);
}

/// <summary>Marks a turn whose activity was a redelivery and was not processed again.</summary>
public sealed record DuplicateActivity(string ActivityId);
