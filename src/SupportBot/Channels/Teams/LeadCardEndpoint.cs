using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Host.Channels.Teams;

/// <summary>
/// A lead pressed a button on an escalation card: <c>Action.Execute</c> arrives as an
/// <c>adaptiveCard/action</c> invoke answered with the updated card; the <c>Action.Submit</c> fallback
/// arrives as a message, answered by updating the card in place.
/// </summary>
internal static class LeadCardEndpoint
{
    public static async Task<IResult> HandleInvokeAsync(Activity activity, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (activity.Name != LeadCardAction.InvokeName)
        {
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        if (activity.Value is not JsonObject value || value["action"] is not JsonObject executed || executed["type"]?.ToString() != "Action.Execute")
        {
            return Results.Json(AdaptiveCards.InvokeError(400, "NotSupported", "Only Action.Execute is supported."), statusCode: StatusCodes.Status400BadRequest);
        }

        if (!LeadCardAction.TryParse(activity, out var id, out var action, out var text))
        {
            return Results.Json(AdaptiveCards.InvokeError(400, "BadRequest", "This is not an action SupportBot knows."), statusCode: StatusCodes.Status400BadRequest);
        }

        if (services.GetService<EscalationService>() is not { } escalations)
        {
            return Results.Json(AdaptiveCards.InvokeMessage("Escalations are not enabled on this SupportBot."));
        }

        var outcome = await escalations.ActAsync(id, action, activity.From?.Id ?? "unknown", text, cancellationToken);
        if (outcome.Succeeded && outcome.Escalation is { } updated)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            return Results.Json(AdaptiveCards.InvokeResponse(AdaptiveCards.ForEscalation(updated, now)));
        }

        // Refused or not allowed now: the card stays as it is and the lead sees why.
        return Results.Json(AdaptiveCards.InvokeMessage(outcome.Message));
    }

    public static async Task HandleSubmitAsync(
        Activity activity, long id, LeadAction action, string? text, EscalationService escalations, IServiceProvider services, CancellationToken cancellationToken)
    {
        var connector = services.GetRequiredService<ConnectorClient>();
        var outcome = await escalations.ActAsync(id, action, activity.From?.Id ?? "unknown", text, cancellationToken);
        if (outcome.Succeeded && outcome.Escalation is { } updated && activity.ReplyToId is { Length: > 0 } cardId)
        {
            var card = activity.CreateReply();
            card.ReplyToId = null;
            card.Id = cardId;
            card.Attachments = [AdaptiveCards.ToAttachment(AdaptiveCards.ForEscalation(updated, services.GetRequiredService<TimeProvider>().GetUtcNow()))];
            await connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, cardId, card, cancellationToken);
        }

        await connector.ReplyToActivityAsync(activity.CreateReply(outcome.Message), cancellationToken);
    }
}
