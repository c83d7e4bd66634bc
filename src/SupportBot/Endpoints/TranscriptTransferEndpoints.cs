using System.Globalization;
using SupportBot.Activities;
using SupportBot.Host.Channels;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Storage;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Host.Endpoints;

/// <summary>
/// Moving transcripts in and out of the host: export a case as a <c>.transcript</c> file or Markdown,
/// import a <c>.transcript</c> file as a new case, and delete a whole conversation for good.
/// </summary>
/// <remarks>Export only reads (no write lock), so it never holds up the turns the host is running.</remarks>
public static class TranscriptTransferEndpoints
{
    /// <summary>The largest <c>.transcript</c> body accepted; a long case exports to a few hundred kilobytes.</summary>
    public const int MaxImportBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapTranscriptTransfer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/transcripts/{id}/export", ExportAsync);
        endpoints.MapPost("/api/transcripts/import", ImportAsync);
        endpoints.MapDelete("/api/conversations/{**conversationKey}", DeleteConversationAsync);
        return endpoints;
    }

    /// <summary>The services the endpoints use.</summary>
    public static IServiceCollection AddTranscriptTransfer(this IServiceCollection services)
    {
        services.AddSingleton<TranscriptImporter>();
        services.AddSingleton<ConversationEraser>();
        services.AddHostedService<Cli.HostLink.HostLinkPublisher>();
        return services;
    }

    private static async Task<IResult> ExportAsync(
        string id, string? format, HttpContext httpContext, CallerResolver callers, ITranscriptStore store, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return Unauthorized();
        }

        var chosen = TranscriptFormat.Transcript;
        if (format is not null && !TranscriptExport.TryParseFormat(format, out chosen))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, $"format must be one of {TranscriptExport.FormatNames}.");
        }

        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            || await store.GetCaseAsync(caseId, cancellationToken) is not { } transcriptCase)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status404NotFound, $"There is no transcript case #{id}.");
        }

        if (!caller.IsTrainer && !string.Equals(transcriptCase.AgentId, caller.Id, StringComparison.Ordinal))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden, $"Case #{caseId} is another agent's; only trainers may export it.");
        }

        var entries = await store.GetCaseEntriesAsync(caseId, cancellationToken);
        var body = TranscriptExport.Render(chosen, transcriptCase, entries);
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{TranscriptExport.FileName(caseId, chosen)}\"";
        return Results.Text(body, TranscriptExport.MediaType(chosen), BotFrameworkTranscript.FileEncoding);
    }

    /// <param name="source">The file name, so error messages can name it; defaults to "the request body".</param>
    private static async Task<IResult> ImportAsync(
        string? source, HttpContext httpContext, CallerResolver callers, TranscriptImporter importer, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return Unauthorized();
        }

        if (!caller.IsTrainer)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden, "Only trainers may import transcripts.");
        }

        var (body, problem) = await RequestBody.ReadAsync(httpContext.Request, MaxImportBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var imported = await importer.ImportAsync(body!, string.IsNullOrWhiteSpace(source) ? "the request body" : source.Trim(), cancellationToken);
            return Results.Json(new { id = imported.Id }, ActivityJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (TranscriptFileException e)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static async Task<IResult> DeleteConversationAsync(
        string conversationKey, HttpContext httpContext, CallerResolver callers, ConversationEraser eraser, CancellationToken cancellationToken)
    {
        if (callers.Resolve(httpContext) is not { } caller)
        {
            return Unauthorized();
        }

        if (!caller.IsTrainer)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden, "Only trainers may delete conversations.");
        }

        // Keys hold a slash ("webchat/abc"); a client may send it as is or percent-encoded.
        var key = Uri.UnescapeDataString(conversationKey ?? "").Trim();
        if (key.Length == 0)
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "Name the conversation key, e.g. /api/conversations/webchat/abc.");
        }

        return await eraser.EraseAsync(key, cancellationToken)
            ? Results.NoContent()
            : BotFrameworkEndpoints.Problem(StatusCodes.Status404NotFound, $"There is no conversation '{key}'.");
    }

    private static IResult Unauthorized() => BotFrameworkEndpoints.Problem(StatusCodes.Status401Unauthorized,
        $"Say who you are: send the {Caller.UserHeader} header with your user id, or the host admin token as a Bearer token.");
}
