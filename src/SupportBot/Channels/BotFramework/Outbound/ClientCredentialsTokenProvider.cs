using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Host.Hosting;

namespace SupportBot.Host.Channels.BotFramework.Outbound;

/// <summary>
/// Gets the bot's own bearer token for outbound Bot Connector calls with the OAuth client-credentials grant
/// (protocol section 3): <c>POST Teams:TokenEndpoint</c> with the app id, the app password and <c>Teams:Scope</c>.
/// </summary>
/// <remarks>
/// One provider serves one (app id, scope) pair, so its single cached token is the per-(app id, scope) cache the
/// protocol asks for. A token is used until 5 minutes before it expires (as the SDK does; for very short-lived tokens
/// until half their lifetime), then fetched again on demand. Concurrent callers that find no usable token share one
/// request to the token endpoint. <see cref="InvalidateToken"/> drops a token the connector refused (401) so the next
/// call fetches a fresh one. Neither the app password nor a token is ever written to a log or an exception message.
/// </remarks>
public sealed partial class ClientCredentialsTokenProvider : IConnectorTokenProvider
{
    /// <summary>The named <see cref="HttpClient"/> used for the token endpoint.</summary>
    public const string HttpClientName = "SupportBot.BotConnector.Token";

    /// <summary>How long before its stated expiry a token counts as expired.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    /// <summary>The tenant segment of the multi-tenant token endpoint, replaced by <c>Teams:TenantId</c> when one is set.</summary>
    public const string MultiTenantSegment = "botframework.com";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8 };

    private readonly IHttpClientFactory httpClientFactory;
    private readonly TimeProvider time;
    private readonly ILogger<ClientCredentialsTokenProvider> logger;
    private readonly string appId;
    private readonly string appPassword;
    private readonly string scope;
    private readonly Lock sync = new();

    // Guarded by sync.
    private CachedToken? cached;
    private Task<CachedToken>? inFlight;

    public ClientCredentialsTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptions<TeamsOptions> teamsOptions,
        TimeProvider time,
        ILogger<ClientCredentialsTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(teamsOptions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var options = teamsOptions.Value;
        if (options.IsAnonymous || string.IsNullOrWhiteSpace(options.AppPassword))
        {
            throw new InvalidOperationException("Teams:AppId and Teams:AppPassword are both needed to get a Bot Connector token.");
        }

        this.httpClientFactory = httpClientFactory;
        this.time = time;
        this.logger = logger;
        appId = options.AppId!.Trim();
        appPassword = options.AppPassword;
        scope = string.IsNullOrWhiteSpace(options.Scope) ? new TeamsOptions().Scope : options.Scope.Trim();
        TokenEndpoint = ResolveTokenEndpoint(options.TokenEndpoint, options.TenantId);
    }

    /// <summary>Where tokens are requested: <c>Teams:TokenEndpoint</c>, with the tenant id in place of <c>botframework.com</c> for a single-tenant bot.</summary>
    public Uri TokenEndpoint { get; }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> pending;
        TaskCompletionSource<CachedToken>? started = null;
        lock (sync)
        {
            if (cached is { } current && time.GetUtcNow() < current.UseUntil)
            {
                return current.Value;
            }

            if (inFlight is null)
            {
                started = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                inFlight = started.Task;
            }

            pending = inFlight;
        }

        if (started is not null)
        {
            // The shared request runs to completion whoever started it: one caller giving up must not fail the others.
            _ = FetchAndPublishAsync(started);
        }

        var token = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Value;
    }

    /// <summary>Forgets <paramref name="rejectedToken"/> if it is still the cached one, so the next call fetches a new token.</summary>
    public void InvalidateToken(string rejectedToken)
    {
        lock (sync)
        {
            if (cached is { } current && string.Equals(current.Value, rejectedToken, StringComparison.Ordinal))
            {
                cached = null;
                LogTokenInvalidated(logger, appId);
            }
        }
    }

    /// <summary>
    /// Puts the tenant id in place of the <c>botframework.com</c> tenant segment of the endpoint (the default,
    /// multi-tenant endpoint), as single-tenant bots must. Any other endpoint is used as configured.
    /// </summary>
    internal static Uri ResolveTokenEndpoint(string endpoint, string? tenantId)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException($"Teams:TokenEndpoint must be an absolute https URL (plain http only for loopback addresses); got '{endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return uri;
        }

        var segments = uri.AbsolutePath.Split('/');
        var index = Array.FindIndex(segments, s => string.Equals(s, MultiTenantSegment, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return uri;
        }

        segments[index] = Uri.EscapeDataString(tenantId.Trim());
        return new UriBuilder(uri) { Path = string.Join('/', segments) }.Uri;
    }

    private async Task FetchAndPublishAsync(TaskCompletionSource<CachedToken> completion)
    {
        try
        {
            var token = await FetchAsync().ConfigureAwait(false);
            lock (sync)
            {
                cached = token;
                inFlight = null;
            }

            completion.SetResult(token);
        }
        catch (Exception e)
        {
            lock (sync)
            {
                inFlight = null;
            }

            completion.SetException(e);
        }
    }

    private async Task<CachedToken> FetchAsync()
    {
        var requestedAt = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", appId),
                new("client_secret", appPassword),
                new("scope", scope),
            ]),
        };

        var http = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogTokenRequestUnreachable(logger, TokenEndpoint, appId, e.GetType().Name);
            throw new ConnectorTokenException(
                $"The token endpoint {TokenEndpoint} could not be reached for app {appId} ({(e is TaskCanceledException ? "timed out" : e.Message)}).",
                null, null, e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (code, description) = ReadOAuthError(body);
                LogTokenRequestFailed(logger, (int)response.StatusCode, TokenEndpoint, appId, code ?? "(none)");
                throw new ConnectorTokenException(
                    $"The token endpoint {TokenEndpoint} refused a token for app {appId}: {(int)response.StatusCode} {response.ReasonPhrase}"
                    + (code is null ? "." : $", {code}" + (description is null ? "." : $": {description}")),
                    response.StatusCode, code);
            }

            var token = ParseToken(body, requestedAt)
                ?? throw new ConnectorTokenException(
                    $"The token endpoint {TokenEndpoint} answered {(int)response.StatusCode} for app {appId} without a usable access_token and expires_in.",
                    response.StatusCode, null);
            LogTokenFetched(logger, appId, token.ExpiresAt, token.UseUntil);
            return token;
        }
    }

    private CachedToken? ParseToken(string body, DateTimeOffset requestedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String
                || accessToken.GetString() is not { Length: > 0 } value
                || !root.TryGetProperty("expires_in", out var expiresIn))
            {
                return null;
            }

            // Azure AD v2 sends a number; some v1-style endpoints send the number as a string.
            double seconds;
            if (expiresIn.ValueKind == JsonValueKind.Number)
            {
                seconds = expiresIn.GetDouble();
            }
            else if (expiresIn.ValueKind != JsonValueKind.String
                || !double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
            {
                return null;
            }

            if (seconds <= 0 || double.IsNaN(seconds) || seconds > TimeSpan.FromDays(30).TotalSeconds)
            {
                return null;
            }

            var lifetime = TimeSpan.FromSeconds(seconds);

            // Measured from when the request was sent, so network time only makes the token look shorter-lived.
            var margin = lifetime > 2 * ExpiryMargin ? ExpiryMargin : lifetime / 2;
            return new CachedToken(value, requestedAt + lifetime, requestedAt + lifetime - margin);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The OAuth error code and description of a refusal (they never contain the secret); nulls when the body is not one.</summary>
    private static (string? Code, string? Description) ReadOAuthError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return (code, description is null ? null : FirstLine(description, 300));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string FirstLine(string text, int max)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > max ? line[..max] + "..." : line;
    }

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset UseUntil)
    {
        // Keep the token itself out of any accidental ToString().
        public override string ToString() => $"token expiring {ExpiresAt:O}";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Got a Bot Connector token for app {AppId}; it expires at {ExpiresAt:O} and is used until {UseUntil:O}")]
    private static partial void LogTokenFetched(ILogger logger, string appId, DateTimeOffset expiresAt, DateTimeOffset useUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Bot Connector refused the token of app {AppId}; a new one will be fetched")]
    private static partial void LogTokenInvalidated(ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token endpoint answered {Status} to {Endpoint} for app {AppId} (error {Error})")]
    private static partial void LogTokenRequestFailed(ILogger logger, int status, Uri endpoint, string appId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token endpoint {Endpoint} could not be reached for app {AppId} ({Reason})")]
    private static partial void LogTokenRequestUnreachable(ILogger logger, Uri endpoint, string appId, string reason);
}

/// <summary>Getting the bot's token failed: the token endpoint refused (with its OAuth error code) or could not be reached.</summary>
public sealed class ConnectorTokenException : HttpRequestException
{
    public ConnectorTokenException(string message, HttpStatusCode? statusCode, string? errorCode, Exception? inner = null)
        : base(message, inner, statusCode) => ErrorCode = errorCode;

    /// <summary>The OAuth <c>error</c> field (e.g. <c>invalid_client</c>), when the endpoint sent one.</summary>
    public string? ErrorCode { get; }
}
