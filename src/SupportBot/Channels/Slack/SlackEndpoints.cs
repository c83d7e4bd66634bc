using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Host.Channels.Slack.SocketMode;

namespace SupportBot.Host.Channels.Slack;

/// <summary>Slack over HTTP: <c>POST /slack/events</c> (Events API) and the services behind it.</summary>
public static partial class SlackEndpoints
{
    public const string EventsPath = "/slack/events";
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Registers the Slack channel; safe to call more than once. Validates <c>Slack:*</c> at start-up.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(SlackEventQueue)))
        {
            return services;
        }

        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton(new SlackDeduplicator());
        services.AddSingleton<SlackEventQueue>();
        services.AddSingleton<SlackAdapter>();
        services.AddSingleton<SupportBot.Escalations.IOutboxChannel, SlackEscalationOutbox>();
        services.AddHttpClient<SlackWebApiClient>(client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.AddHostedService<SlackEventWorker>();
        services.AddSlackSocketMode(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EventsPath, HandleEventsAsync);
        endpoints.MapPost(InteractionsPath, HandleInteractionsAsync);
        endpoints.MapPost(CommandsPath, HandleCommandsAsync);
        return endpoints;
    }

    /// <summary>The events endpoint as a plain request delegate (also usable from middleware).</summary>
    public static async Task HandleEventsAsync(HttpContext httpContext)
    {
        var result = await ProcessEventsAsync(httpContext).ConfigureAwait(false);
        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
    }

    private static async Task<IResult> ProcessEventsAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var options = services.GetService<IOptions<SlackOptions>>()?.Value;
        if (options is not { Enabled: true })
        {
            return Problem(StatusCodes.Status404NotFound, "Slack is not configured: Slack:SigningSecret is not set.");
        }

        var request = httpContext.Request;
        var cancellationToken = httpContext.RequestAborted;
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than the {MaxBodyBytes} bytes allowed.");
        }

        var refused = services.GetRequiredService<SlackSignatureVerifier>().Verify(
            options.SigningSecret,
            request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(),
            body);
        if (refused is not null)
        {
            return Problem(StatusCodes.Status401Unauthorized, refused);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON: " + ex.Message);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body has no type.");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        switch (typeElement.GetString())
        {
            case "url_verification":
                return root.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String
                    ? Results.Json(new { challenge = challenge.GetString() })
                    : Problem(StatusCodes.Status400BadRequest, "url_verification without a challenge.");
            case "event_callback":
                return Accept(root, services, logger);
            default:
                LogIgnored(logger, "-", "top-level type " + typeElement.GetString());
                return Results.Ok();
        }
    }

    private static IResult Accept(JsonElement root, IServiceProvider services, ILogger logger)
    {
        var dedupe = services.GetRequiredService<SlackDeduplicator>();
        var eventId = root.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var eventKey = eventId is null ? null : "event:" + eventId;
        if (eventKey is not null && !dedupe.TryAdd(eventKey))
        {
            LogIgnored(logger, eventId!, "already received");
            return Results.Ok();
        }

        var message = SlackInboundEvent.TryParse(root, out var why);
        if (message is null)
        {
            LogIgnored(logger, eventId ?? "-", why ?? "not handled");
            return Results.Ok();
        }

        // app_mention and message.* deliver one message twice under different event ids.
        var messageKey = $"msg:{message.TeamId}:{message.Channel}:{message.Ts}";
        if (!dedupe.TryAdd(messageKey))
        {
            LogIgnored(logger, message.EventId, "message already received under another event id");
            return Results.Ok();
        }

        if (!services.GetRequiredService<SlackEventQueue>().TryEnqueue(message))
        {
            // Forget it so Slack's retry is processed; 503 makes Slack retry.
            if (eventKey is not null)
            {
                dedupe.Remove(eventKey);
            }

            dedupe.Remove(messageKey);
            return Problem(StatusCodes.Status503ServiceUnavailable, "SupportBot is busy; Slack will retry this event.");
        }

        return Results.Ok();
    }

    /// <summary>The exact bytes received (signatures are over them), or null when over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Problem(int status, string detail) => Results.Json(new { error = detail }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string eventId, string reason);
}
