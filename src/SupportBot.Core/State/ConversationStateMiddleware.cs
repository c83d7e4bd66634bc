using System.Text.Json;
using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Telemetry;
using SupportBot.Turns;

namespace SupportBot.State;

/// <summary>
/// Loads the conversation state before the turn and saves it after, guarded by its ETag so two hosts
/// (or a bug) can never silently overwrite each other's update.
/// </summary>
public sealed class ConversationStateMiddleware(IStorage storage) : IMiddleware
{
    internal static readonly JsonSerializerOptions JsonOptions = ActivityJson.Options;

    public static string StorageKeyFor(string conversationKey) => "conversation/" + conversationKey;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var key = StorageKeyFor(turnContext.Activity.ConversationKey);

        ConversationStateEntry entry;
        using (SupportBotTelemetry.Source.StartActivity("state.load"))
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            entry = items.TryGetValue(key, out var item)
                ? new ConversationStateEntry(key, JsonSerializer.Deserialize<ConversationData>(item.Json, JsonOptions) ?? new(), item.ETag, item.Json)
                : new ConversationStateEntry(key, new ConversationData(), null, "");
        }

        turnContext.TurnState.Set(entry);
        await next(cancellationToken).ConfigureAwait(false);

        var json = JsonSerializer.Serialize(entry.Data, JsonOptions);
        if (json == entry.OriginalJson)
        {
            return;
        }

        using (SupportBotTelemetry.Source.StartActivity("state.save"))
        {
            await storage.WriteAsync(
                new Dictionary<string, StoreItem> { [key] = new StoreItem(json, entry.ETag) },
                cancellationToken).ConfigureAwait(false);
        }
    }
}

public static class ConversationStateTurnExtensions
{
    /// <summary>The conversation state loaded by <see cref="ConversationStateMiddleware"/> for this turn.</summary>
    public static ConversationData ConversationData(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.GetRequired<ConversationStateEntry>().Data;
    }
}
