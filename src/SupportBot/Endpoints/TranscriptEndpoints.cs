using System.Globalization;
using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Endpoints.Transcripts;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Host.Endpoints;

/// <summary>
/// The JSON API behind the trainer page at <c>/trainer.html</c>: recorded cases (list, replay, delete),
/// the dispositions report, the caller's role and the playbook list. Every read is a plain store read on
/// the request, so it never waits behind, or holds up, a conversation's turn.
/// </summary>
public static partial class TranscriptEndpoints
{
    public static IEndpointRouteBuilder MapTranscripts(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/transcripts");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapDelete("/{id}", DeleteAsync);
        endpoints.MapTrainerPage();
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        HttpContext httpContext, CallerResolver callers, TranscriptAccess access, ITranscriptStore store, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return CallerCheck.Unauthorized();
        }

        if (!TranscriptFilterParser.TryParseList(httpContext.Request.Query, out var query, out var error))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, error!);
        }

        var allowed = caller.IsHostAdmin ? query : access.Restrict(caller.Id, query);
        if (allowed is null)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden,
                $"{caller.Id} may list only their own cases; {query.AgentId}'s are for trainers.");
        }

        var cases = await store.FindCasesAsync(allowed, cancellationToken);
        return Results.Json(cases.Select(TranscriptSummaryView.From), ActivityJson.Options);
    }

    private static async Task<IResult> GetAsync(
        string id, HttpContext httpContext, CallerResolver callers, TranscriptAccess access, ITranscriptStore store, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return CallerCheck.Unauthorized();
        }

        if (!TryParseId(id, out var caseId) || await store.GetCaseAsync(caseId, cancellationToken) is not { } found)
        {
            return NotFound(id);
        }

        if (!caller.IsHostAdmin && !access.CanSee(caller.Id, found))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden, $"Case #{caseId} is another agent's; {caller.Id} may see only their own.");
        }

        var entries = await store.GetCaseEntriesAsync(caseId, cancellationToken);
        return Results.Json(TranscriptDetailView.From(found, entries), ActivityJson.Options);
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext httpContext, CallerResolver callers, ITranscriptStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return CallerCheck.Unauthorized();
        }

        if (!caller.IsTrainer)
        {
            return CallerCheck.TrainersOnly(caller, "Deleting a transcript");
        }

        if (!TryParseId(id, out var caseId) || !await store.DeleteCaseAsync(caseId, cancellationToken))
        {
            return NotFound(id);
        }

        LogCaseDeleted(loggers.CreateLogger(typeof(TranscriptEndpoints).FullName!), caseId, caller.Id);
        return Results.NoContent();
    }

    private static IResult NotFound(string id) =>
        BotFrameworkEndpoints.Problem(StatusCodes.Status404NotFound, $"There is no transcript case #{id}.");

    private static bool TryParseId(string id, out long number) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Transcript case {CaseId} deleted for good by {UserId}")]
    private static partial void LogCaseDeleted(ILogger logger, long caseId, string userId);
}
