using System.Text.Json;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Teams;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary><c>/api/messages</c>: the Bot Framework messaging endpoint.</summary>
public static class BotFrameworkEndpoints
{
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        // The Agents Playground probes the endpoint with HEAD before it starts.
        endpoints.MapMethods("/api/messages", ["HEAD"], () => Results.Ok());
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext httpContext,
        BotFrameworkAdapter adapter,
        IActivityAuthenticator authenticator,
        Microsoft.Extensions.Options.IOptions<Hosting.TeamsOptions> options,
        CancellationToken cancellationToken)
    {
        var read = await RequestBody.ReadAsync(httpContext.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        Activity activity;
        try
        {
            activity = ActivityJson.Deserialize(read.Body!);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a valid Bot Framework activity: " + ex.Message);
        }

        var missing = MissingFields(activity);
        if (missing.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "The activity is missing " + string.Join(", ", missing) + ".");
        }

        var auth = await authenticator.AuthenticateAsync(httpContext, activity, cancellationToken);
        if (!auth.Allowed)
        {
            return Problem(auth.StatusCode, auth.Problem!);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            return await LeadCardEndpoint.HandleInvokeAsync(activity, httpContext.RequestServices, cancellationToken);
        }

        if (activity.Type == ActivityTypes.Message
            && LeadCardAction.TryParse(activity, out var escalationId, out var leadAction, out var leadText)
            && httpContext.RequestServices.GetService<EscalationService>() is { } escalations)
        {
            // The Action.Submit fallback of an escalation card: a lead's action, not an agent's message.
            await LeadCardEndpoint.HandleSubmitAsync(activity, escalationId, leadAction, leadText, escalations, httpContext.RequestServices, cancellationToken);
            return Results.Ok();
        }

        // Teams puts the bot's @mention into the text of group chat and channel messages; it is not part of what was said.
        TeamsMentions.RemoveRecipientMention(activity);
        if (await TeamsRegisterCommand.TryHandleAsync(activity, httpContext.RequestServices, cancellationToken))
        {
            return Results.Ok();
        }

        await adapter.ProcessActivityAsync(activity, cancellationToken);
        return Results.Ok();
    }

    private static List<string> MissingFields(Activity activity)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            missing.Add("'type'");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            missing.Add("'conversation.id'");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            missing.Add("'serviceUrl' (needed to send the reply)");
        }

        return missing;
    }

    internal static IResult Problem(int status, string detail) =>
        Results.Json(new { error = detail }, statusCode: status);
}
