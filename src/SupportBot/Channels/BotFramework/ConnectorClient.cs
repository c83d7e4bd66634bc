using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework.Outbound;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>
/// Calls the Bot Connector REST API at a serviceUrl (section 3 of the protocol): replies, sends, updates and new
/// conversations. Ids are percent-encoded because Teams ids contain ':', '@' and ';'.
/// </summary>
/// <remarks>
/// Every call waits its turn in the conversation's <see cref="ConversationSendGate"/> (serialised, paced). 429, 412,
/// 502, 503 and 504 are retried up to <see cref="ConnectorClientOptions.MaxRetries"/> times with exponential backoff and
/// jitter, or after the connector's <c>Retry-After</c>; a 401 makes the token provider drop its token and the call is
/// made once more with a fresh one; other errors are not retried. Failures surface as <see cref="ConnectorException"/>.
/// The bot's token is only ever sent over https, or plain http to a loopback address.
/// </remarks>
public sealed partial class ConnectorClient
{
    private const int MaxLoggedBodyChars = 500;

    private readonly HttpClient http;
    private readonly IConnectorTokenProvider tokens;
    private readonly ILogger<ConnectorClient> logger;
    private readonly TimeProvider time;
    private readonly ConnectorClientOptions options;
    private readonly ConversationSendGate gate;

    /// <summary>
    /// Made by the typed-HttpClient factory. <paramref name="time"/>, <paramref name="gate"/> and <paramref name="options"/>
    /// come from DI when registered (<c>AddBotConnector</c> does); without a shared gate, calls are serialised per client only.
    /// </summary>
    public ConnectorClient(
        HttpClient http,
        IConnectorTokenProvider tokens,
        ILogger<ConnectorClient> logger,
        TimeProvider? time = null,
        ConversationSendGate? gate = null,
        IOptions<ConnectorClientOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(logger);
        this.http = http;
        this.tokens = tokens;
        this.logger = logger;
        this.time = time ?? TimeProvider.System;
        var settings = options ?? Options.Create(new ConnectorClientOptions());
        this.options = settings.Value;
        this.gate = gate ?? new ConversationSendGate(this.time, settings);
    }

    /// <summary>Posts a reply (to <c>ReplyToId</c> when set, else into the conversation) at the reply's serviceUrl.</summary>
    public Task<ResourceResponse?> ReplyToActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var conversationId = reply.Conversation?.Id ?? throw new InvalidOperationException("The reply has no conversation id.");
        var serviceUrl = reply.ServiceUrl ?? throw new InvalidOperationException("The reply has no serviceUrl.");
        var path = reply.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return CallAsync<ResourceResponse>(
            "reply", conversationId, HttpMethod.Post, serviceUrl, path, ActivityJson.Serialize(reply), cancellationToken);
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>: a new message in the conversation (e.g. proactive).</summary>
    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync<ResourceResponse>(
            "send", conversationId, HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", ActivityJson.Serialize(activity), cancellationToken);
    }

    /// <summary>
    /// <c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replaces the activity (e.g. a card) in full.
    /// The body's <c>id</c> is set to <paramref name="activityId"/> when the activity has none.
    /// </summary>
    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var body = (JsonObject)JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!;
        body["id"] ??= activityId;
        return CallAsync<ResourceResponse>(
            "update", conversationId, HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}",
            body.ToJsonString(ActivityJson.Options), cancellationToken);
    }

    /// <summary><c>DELETE /v3/conversations/{id}/activities/{activityId}</c>: removes a message the bot sent.</summary>
    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        await CallAsync<ResourceResponse>(
            "delete", conversationId, HttpMethod.Delete, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}",
            "", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /v3/conversations</c>: starts a new thread in the Teams channel <paramref name="channelId"/>
    /// (<c>19:...@thread.tacv2</c>) with <paramref name="activity"/> as its first message. With a tenant id, the body also
    /// carries <c>tenantId</c> and <c>channelData.tenant.id</c>. Returns the new conversation's id (ending in
    /// <c>;messageid=...</c>), the first activity's id, and the connector's serviceUrl for it when it names one.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, string channelId, string? tenantId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId } };
        var body = new JsonObject { ["isGroup"] = true, ["channelData"] = channelData };
        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            channelData["tenant"] = new JsonObject { ["id"] = tenantId };
            body["tenantId"] = tenantId;
        }

        body["activity"] = JsonSerializer.SerializeToNode(activity, ActivityJson.Options);
        var created = await CallAsync<ConversationResourceResponse>(
            "create conversation", channelId, HttpMethod.Post, serviceUrl, "v3/conversations", body.ToJsonString(ActivityJson.Options), cancellationToken)
            .ConfigureAwait(false);
        return created is { Id.Length: > 0 }
            ? created
            : throw new ConnectorException("create conversation", channelId, HttpStatusCode.OK, null, "The answer carried no conversation id.", 1);
    }

    /// <summary>Joins the serviceUrl and a path with exactly one slash between them.</summary>
    internal static Uri Join(string serviceUrl, string path) => new(serviceUrl.TrimEnd('/') + "/" + path.TrimStart('/'));

    /// <summary>Whether the bot's token may go to <paramref name="url"/>: https, or plain http to this machine.</summary>
    internal static bool MayCarryToken(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (0-based): the connector's <c>Retry-After</c> (seconds or a
    /// date) when sent, capped at <see cref="ConnectorClientOptions.MaxRetryAfter"/>; otherwise
    /// <c>InitialBackoff * 2^retry</c> varied by the jitter, never more than <see cref="ConnectorClientOptions.MaxBackoff"/>.
    /// </summary>
    internal static TimeSpan RetryDelay(ConnectorClientOptions options, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, int retry)
    {
        TimeSpan? requested = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (requested is { } wait)
        {
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
        }

        var backoff = options.InitialBackoff * Math.Pow(2, Math.Min(retry, 30));
        if (backoff > options.MaxBackoff)
        {
            backoff = options.MaxBackoff;
        }

        var jitter = Math.Clamp(options.Jitter, 0, 1);
        var jittered = backoff * (1 + (jitter * ((2 * options.NextRandom()) - 1)));
        return jittered > options.MaxBackoff ? options.MaxBackoff : jittered;
    }

    internal static bool IsRetryable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private async Task<T?> CallAsync<T>(
        string operation, string conversationId, HttpMethod method, string serviceUrl, string path, string json, CancellationToken cancellationToken)
        where T : class
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The serviceUrl must be an absolute http(s) URL; got '{serviceUrl}'.", nameof(serviceUrl));
        }

        var url = Join(serviceUrl, path);
        // Teams' per-conversation rate limits apply to the real Bot Connector; a connector on this machine
        // (the Agents Playground, a test fake) gets the ordering without the pacing.
        await using var turn = (await gate.EnterAsync(conversationId, cancellationToken, paced: !baseUri.IsLoopback || options.PaceLoopback).ConfigureAwait(false)).ConfigureAwait(false);
        var refreshed = false;
        var retries = 0;
        var attempts = 0;
        while (true)
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            if (token is not null && !MayCarryToken(url))
            {
                throw new InvalidOperationException(
                    $"Refusing to send the bot's token to {url.GetLeftPart(UriPartial.Authority)} over plain http; the serviceUrl must use https (http only for loopback addresses).");
            }

            using var request = new HttpRequestMessage(method, url)
            {
                Content = method == HttpMethod.Delete ? null : new StringContent(json, Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            attempts++;
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(logger, operation, url, e.GetType().Name);
                throw new ConnectorException(operation, conversationId, null, null, null, attempts,
                    e is TaskCanceledException ? new TimeoutException("The request timed out.", e) : e);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return string.IsNullOrWhiteSpace(text) ? null : Deserialize<T>(text);
                }

                var status = response.StatusCode;
                if (status == HttpStatusCode.Unauthorized && token is not null && !refreshed)
                {
                    refreshed = true;
                    tokens.InvalidateToken(token);
                    LogRefreshingToken(logger, operation, url);
                    continue;
                }

                if (IsRetryable(status) && retries < options.MaxRetries)
                {
                    var delay = RetryDelay(options, response.Headers.RetryAfter, time.GetUtcNow(), retries);
                    retries++;
                    LogRetrying(logger, (int)status, operation, url, delay.TotalMilliseconds, retries, options.MaxRetries);
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var (code, message) = ReadError(body);
                LogSendFailed(logger, (int)status, operation, url, attempts, code ?? "(none)", message ?? "");
                throw new ConnectorException(operation, conversationId, status, code, message, attempts);
            }
        }
    }

    private static T? Deserialize<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, ActivityJson.Options);
        }
        catch (JsonException)
        {
            // A success whose body is not the documented JSON: the operation happened, there is just no id to return.
            return null;
        }
    }

    /// <summary>The connector's <c>{"error":{"code","message"}}</c>, or the start of any other body as the message.</summary>
    internal static (string? Code, string? Message) ReadError(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                if (code is not null || message is not null)
                {
                    return (code, message is null ? null : Shorten(message));
                }
            }
        }
        catch (JsonException)
        {
        }

        return (null, Shorten(body));
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length > MaxLoggedBodyChars ? flat[..MaxLoggedBodyChars] + "..." : flat;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector answered {Status} to {Operation} at {Url} after {Attempts} attempt(s): {Code} {Message}")]
    private static partial void LogSendFailed(ILogger logger, int status, string operation, Uri url, int attempts, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector answered {Status} to {Operation} at {Url}; retrying in {DelayMs:F0} ms (retry {Retry} of {MaxRetries})")]
    private static partial void LogRetrying(ILogger logger, int status, string operation, Uri url, double delayMs, int retry, int maxRetries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector refused the token for {Operation} at {Url}; retrying once with a new token")]
    private static partial void LogRefreshingToken(ILogger logger, string operation, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector could not be reached for {Operation} at {Url} ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string operation, Uri url, string reason);
}

/// <summary>Supplies the bearer token for outbound connector calls; none in anonymous local mode.</summary>
public interface IConnectorTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Told that the connector refused <paramref name="rejectedToken"/> (401): a provider that caches tokens drops it,
    /// if it is still the current one, so the next <see cref="GetTokenAsync"/> fetches a new token.
    /// </summary>
    void InvalidateToken(string rejectedToken)
    {
    }
}

/// <summary>Local development: the playground and test connectors take no token.</summary>
public sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
