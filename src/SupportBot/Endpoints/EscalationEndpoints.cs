using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.LocalBoard;

namespace SupportBot.Host.Endpoints;

/// <summary>
/// The JSON API behind the lead board at <c>/board.html</c>: escalations, the actions leads take on
/// them, who may act on which route, and the board's live notices.
/// </summary>
public static class EscalationEndpoints
{
    private const int MaxActionBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/escalations");
        group.MapGet("/", ListAsync);
        group.MapGet("/members", Members);
        group.MapGet("/notices", Notices);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/actions", ActAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? all, EscalationService escalations, TimeProvider time, CancellationToken cancellationToken)
    {
        bool includeClosed;
        if (string.IsNullOrEmpty(all))
        {
            includeClosed = false;
        }
        else if (!bool.TryParse(all, out includeClosed))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "all must be true or false.");
        }

        var list = await escalations.ListAsync(includeClosed, cancellationToken);
        var now = time.GetUtcNow();
        return Results.Json(list.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Select(e => EscalationView.From(e, now)), ActivityJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, EscalationService escalations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var number) || await escalations.GetAsync(number, cancellationToken) is not { } escalation)
        {
            return NotFound(id);
        }

        return Results.Json(EscalationView.From(escalation, time.GetUtcNow()), ActivityJson.Options);
    }

    private static async Task<IResult> ActAsync(string id, HttpContext httpContext, EscalationService escalations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var number) || await escalations.GetAsync(number, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<ActionBody>(httpContext.Request, MaxActionBytes, "a valid action", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null || !TryParseAction(body.Action, out var action))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest,
                "action must be one of " + string.Join(", ", Enum.GetNames<LeadAction>()) + ".");
        }

        if (string.IsNullOrWhiteSpace(body.Actor))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "actor is required: the member id of the lead acting.");
        }

        var actor = body.Actor.Trim();
        var text = string.IsNullOrWhiteSpace(body.Text) ? null : body.Text.Trim();
        var outcome = await escalations.ActAsync(number, action, actor, text, cancellationToken);
        var now = time.GetUtcNow();
        if (outcome.Succeeded)
        {
            return Results.Json(new { message = outcome.Message, escalation = EscalationView.From(outcome.Escalation!, now) }, ActivityJson.Options);
        }

        // The engine answers in words; the status code says which kind of "no" it was.
        if (outcome.Escalation is not { } current)
        {
            return await escalations.GetAsync(number, cancellationToken) is null
                ? NotFound(id)
                : BotFrameworkEndpoints.Problem(StatusCodes.Status409Conflict, outcome.Message);
        }

        if (!escalations.MayAct(current.Route, actor))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden, outcome.Message);
        }

        return EscalationTransitions.Next(current.Status, action) is null
            ? BotFrameworkEndpoints.Problem(StatusCodes.Status409Conflict, outcome.Message)
            : BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, outcome.Message);
    }

    /// <summary>Who may act on each route (the chain, the extra members and the off-hours chain), for the board's "acting as" picker.</summary>
    private static IResult Members(IOptions<EscalationOptions> options) =>
        Results.Json(new
        {
            routes = options.Value.Routes.OrderBy(r => r.Key, StringComparer.Ordinal)
                .ToDictionary(r => r.Key, r => r.Value.AllMembers.ToArray(), StringComparer.Ordinal),
        }, ActivityJson.Options);

    private static IResult Notices(string? since, LocalBoardFeed feed)
    {
        var from = DateTimeOffset.MinValue;
        if (!string.IsNullOrEmpty(since) && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "since must be an ISO-8601 date and time, e.g. 2025-01-31T09:30:00Z.");
        }

        return Results.Json(feed.Since(from), ActivityJson.Options);
    }

    private static IResult NotFound(string id) =>
        BotFrameworkEndpoints.Problem(StatusCodes.Status404NotFound, $"There is no escalation #{id}.");

    private static bool TryParseId(string id, out long number) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    /// <summary>One action by name, in any case; numbers and lists of names are refused.</summary>
    private static bool TryParseAction(string? value, out LeadAction action)
    {
        action = default;
        var name = value?.Trim();
        return !string.IsNullOrEmpty(name)
            && name.All(char.IsAsciiLetter)
            && Enum.TryParse(name, ignoreCase: true, out action)
            && Enum.IsDefined(action);
    }

    private sealed class ActionBody
    {
        public string? Action { get; set; }

        public string? Actor { get; set; }

        public string? Text { get; set; }
    }
}
