using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Playbooks;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Host.Endpoints.Transcripts;

/// <summary>What else the trainer page needs besides the cases: who the caller is, the playbooks, the dispositions report.</summary>
internal static class TrainerPageEndpoints
{
    public static IEndpointRouteBuilder MapTrainerPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/trainer/me", Me);
        endpoints.MapGet("/api/playbooks", Playbooks);
        endpoints.MapGet("/api/reports/dispositions", DispositionsAsync);
        return endpoints;
    }

    private static IResult Me(HttpContext httpContext, CallerResolver callers) =>
        callers.Resolve(httpContext) is { } caller
            ? Results.Json(new { id = caller.Id, isTrainer = caller.IsTrainer }, ActivityJson.Options)
            : CallerCheck.Unauthorized();

    /// <summary>Every playbook by title, for filter pickers; the same list the web chat already offers, so it needs no caller.</summary>
    private static IResult Playbooks(PlaybookCatalog catalog) =>
        Results.Json(
            catalog.Playbooks.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).Select(p => new { id = p.Id, title = p.Title }),
            ActivityJson.Options);

    private static async Task<IResult> DispositionsAsync(HttpContext httpContext, CallerResolver callers, ITranscriptStore store, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return CallerCheck.Unauthorized();
        }

        if (!caller.IsTrainer)
        {
            return CallerCheck.TrainersOnly(caller, "The dispositions report");
        }

        if (!TranscriptFilterParser.TryParseReport(httpContext.Request.Query, out var filter, out var error))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, error!);
        }

        return Results.Json(await DispositionReport.BuildAsync(store, filter, cancellationToken), ActivityJson.Options);
    }
}
