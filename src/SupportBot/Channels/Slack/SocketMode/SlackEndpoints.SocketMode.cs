using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Entry points for Socket Mode: the payloads of its envelopes go through the same code as the HTTP endpoints.
/// Interactions and commands are replayed as a locally signed form request so that every check and branch is shared.
/// </summary>
public static partial class SlackEndpoints
{
    /// <summary>An <c>events_api</c> payload (the <c>event_callback</c> wrapper): dedup and queue, as <c>/slack/events</c>.</summary>
    internal static void AcceptSocketModeEvent(JsonElement payload, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        if (payload.ValueKind != JsonValueKind.Object || Str(payload, "type") != "event_callback")
        {
            LogIgnored(logger, "-", "socket mode events_api payload that is not an event_callback");
            return;
        }

        _ = Accept(payload, services, logger);
    }

    /// <summary>An <c>interactive</c> payload, processed as <c>/slack/interactions</c> would.</summary>
    internal static Task<(int Status, string Body)> ProcessSocketModeInteractionAsync(JsonElement payload, IServiceProvider services, CancellationToken cancellationToken) =>
        ReplayAsync("payload=" + Uri.EscapeDataString(payload.GetRawText()), services, ProcessInteractionsAsync, cancellationToken);

    /// <summary>A <c>slash_commands</c> payload, processed as <c>/slack/commands</c>; the body is the immediate response.</summary>
    internal static Task<(int Status, string Body)> ProcessSocketModeCommandAsync(JsonElement payload, IServiceProvider services, CancellationToken cancellationToken)
    {
        var form = new StringBuilder();
        if (payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in payload.EnumerateObject())
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText();
                form.Append(form.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(property.Name)).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return ReplayAsync(form.ToString(), services, ProcessCommandsAsync, cancellationToken);
    }

    private static async Task<(int Status, string Body)> ReplayAsync(
        string formBody, IServiceProvider services, Func<HttpContext, Task<IResult>> process, CancellationToken cancellationToken)
    {
        var secret = services.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? "";
        var timestamp = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(formBody);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("v0:" + timestamp + ":").Concat(bytes).ToArray()));

        var context = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        context.Request.Headers[SlackSignatureVerifier.TimestampHeader] = timestamp;
        context.Request.Headers[SlackSignatureVerifier.SignatureHeader] = signature;
        using var response = new MemoryStream();
        context.Response.Body = response;

        var result = await process(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }
}
