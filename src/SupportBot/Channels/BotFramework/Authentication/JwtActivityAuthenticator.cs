using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Host.Hosting;

namespace SupportBot.Host.Channels.BotFramework.Authentication;

/// <summary>
/// Validates the Bot Connector's <c>Authorization: Bearer &lt;JWT&gt;</c> on <c>/api/messages</c> (channel tokens only):
/// an RS256/RS384/RS512 signature by a key from the OpenID metadata's JWKS that endorses the activity's channel,
/// issuer <c>Teams:Issuer</c>, audience <c>Teams:AppId</c>, lifetime within <c>Teams:ClockSkew</c>, and a
/// <c>serviceurl</c> claim equal to the activity's <c>serviceUrl</c>. Emulator and skill tokens are refused.
/// Bad tokens get 401 with a short reason; unreadable signing keys get 500. The token itself is never logged or echoed.
/// </summary>
public sealed partial class JwtActivityAuthenticator : IActivityAuthenticator
{
    private const string Scheme = "Bearer";

    private readonly BotFrameworkSigningKeyStore keys;
    private readonly IOptions<TeamsOptions> teamsOptions;
    private readonly IOptions<BotFrameworkAuthenticationOptions> authenticationOptions;
    private readonly TimeProvider time;
    private readonly ILogger<JwtActivityAuthenticator> logger;

    internal JwtActivityAuthenticator(
        BotFrameworkSigningKeyStore keys,
        IOptions<TeamsOptions> teamsOptions,
        IOptions<BotFrameworkAuthenticationOptions> authenticationOptions,
        TimeProvider time,
        ILogger<JwtActivityAuthenticator> logger)
    {
        this.keys = keys;
        this.teamsOptions = teamsOptions;
        this.authenticationOptions = authenticationOptions;
        this.time = time;
        this.logger = logger;
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(HttpContext httpContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(activity);

        var appId = teamsOptions.Value.AppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            LogNotConfigured(logger);
            return AuthenticationOutcome.Deny(StatusCodes.Status500InternalServerError,
                "Bot Framework token validation is not configured: Teams:AppId is not set.");
        }

        var headers = httpContext.Request.Headers.Authorization;
        if (headers.Count == 0 || string.IsNullOrWhiteSpace(headers.ToString()))
        {
            return Reject(httpContext, activity, "the Authorization header is missing");
        }

        if (headers.Count > 1)
        {
            return Reject(httpContext, activity, "more than one Authorization header was sent");
        }

        // Exactly "Bearer <token>": two parts split on single spaces, the scheme spelled as the SDK spells it.
        var parts = headers[0]!.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal) || parts[1].Length == 0)
        {
            return Reject(httpContext, activity, "the Authorization header must be 'Bearer <token>'");
        }

        if (!BotFrameworkJwt.TryRead(parts[1], out var jwt, out var problem))
        {
            return Reject(httpContext, activity, problem);
        }

        var lookup = await keys.FindAsync(jwt.KeyId, cancellationToken);
        switch (lookup.Status)
        {
            case SigningKeyLookupStatus.Unavailable:
                return AuthenticationOutcome.Deny(StatusCodes.Status500InternalServerError,
                    "The Bot Framework signing keys could not be fetched (Teams:OpenIdMetadataUrl), so the request cannot be authenticated. See the SupportBot log.");
            case SigningKeyLookupStatus.Unknown:
                LogUnknownKey(logger, Truncate(jwt.KeyId, 64));
                return Reject(httpContext, activity, "the token is signed with an unknown key");
        }

        var key = lookup.Key!;
        if (!jwt.HasValidSignature(key))
        {
            return Reject(httpContext, activity, "the token signature is invalid");
        }

        if (!jwt.TryReadPayload(out var payload))
        {
            return Reject(httpContext, activity, "the token payload is not a JSON object");
        }

        using (payload)
        {
            problem = CheckClaims(payload.RootElement, appId, activity);
        }

        if (problem is not null)
        {
            return Reject(httpContext, activity, problem);
        }

        if (!key.Endorses(activity.ChannelId))
        {
            return Reject(httpContext, activity, "the signing key does not endorse the activity's channel");
        }

        return AuthenticationOutcome.Allow;
    }

    /// <summary>Issuer, audience, lifetime and serviceurl. Returns null when all hold, else the reason.</summary>
    private string? CheckClaims(JsonElement claims, string appId, Activity activity)
    {
        var options = authenticationOptions.Value;
        if (!string.Equals(BotFrameworkJwt.GetString(claims, "iss"), options.Issuer, StringComparison.Ordinal))
        {
            return "the token issuer is not " + options.Issuer;
        }

        if (!HasAudience(claims, appId))
        {
            return "the token audience is not this bot's app id";
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000d;
        var skew = options.ClockSkew.TotalSeconds;
        if (!TryGetNumericDate(claims, "exp", out var expires, out var expiresPresent) || !expiresPresent)
        {
            return "the token has no valid expiry (exp)";
        }

        if (!TryGetNumericDate(claims, "nbf", out var notBefore, out var notBeforePresent))
        {
            return "the token has an invalid not-before time (nbf)";
        }

        if (notBeforePresent && notBefore > expires)
        {
            return "the token's not-before time is after its expiry";
        }

        if (expires + skew < now)
        {
            return "the token has expired";
        }

        if (notBeforePresent && notBefore - skew > now)
        {
            return "the token is not valid yet";
        }

        var serviceUrl = BotFrameworkJwt.GetString(claims, "serviceurl");
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.Ordinal))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }

        return null;
    }

    private static bool HasAudience(JsonElement claims, string appId)
    {
        if (!claims.TryGetProperty("aud", out var audience))
        {
            return false;
        }

        return audience.ValueKind switch
        {
            JsonValueKind.String => string.Equals(audience.GetString(), appId, StringComparison.Ordinal),
            JsonValueKind.Array => audience.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && string.Equals(a.GetString(), appId, StringComparison.Ordinal)),
            _ => false,
        };
    }

    /// <summary>RFC 7519 NumericDate: seconds since the epoch, possibly fractional. False when present but not a finite number.</summary>
    private static bool TryGetNumericDate(JsonElement claims, string name, out double seconds, out bool present)
    {
        seconds = 0;
        present = claims.TryGetProperty(name, out var value);
        if (!present)
        {
            return true;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out seconds) && double.IsFinite(seconds);
    }

    private AuthenticationOutcome Reject(HttpContext httpContext, Activity activity, string reason)
    {
        LogRejected(logger, reason, Truncate(activity.ChannelId, 64));
        httpContext.Response.Headers.WWWAuthenticate = Scheme;
        return AuthenticationOutcome.Deny(StatusCodes.Status401Unauthorized, "Bot Framework authentication failed: " + reason + ".");
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Bot Framework request (channel {ChannelId}): {Reason}.")]
    private static partial void LogRejected(ILogger logger, string reason, string? channelId);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "A Bot Framework token names signing key {KeyId}, which is not in the key set (re-fetched at most once an hour for unknown keys).")]
    private static partial void LogUnknownKey(ILogger logger, string? keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "JwtActivityAuthenticator is in use but Teams:AppId is not set; every Bot Framework request is refused.")]
    private static partial void LogNotConfigured(ILogger logger);
}
