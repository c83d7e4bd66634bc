using SupportBot.Activities;
using SupportBot.Drills;
using SupportBot.Host.Channels.BotFramework;

namespace SupportBot.Host.Endpoints;

/// <summary>The drill scores for the trainer page: trainers see every trainee, anyone else only their own row.</summary>
public static class DrillEndpoints
{
    public static IEndpointRouteBuilder MapDrills(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/drills/scoreboard", ScoreboardAsync);
        return endpoints;
    }

    private static async Task<IResult> ScoreboardAsync(HttpContext httpContext, CallerResolver callers, DrillScoreStore scores, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status401Unauthorized,
                $"Say who you are: send the {Caller.UserHeader} header with your user id, or the host admin token.");
        }

        var rows = ScoreboardRow.For(await scores.ListAsync(cancellationToken), caller.Id, seesEveryone: caller.IsTrainer || caller.IsHostAdmin);
        return Results.Json(rows, ActivityJson.Options);
    }
}
