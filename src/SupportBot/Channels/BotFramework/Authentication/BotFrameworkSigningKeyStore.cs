using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Host.Hosting;

namespace SupportBot.Host.Channels.BotFramework.Authentication;

/// <summary>How a key look-up ended.</summary>
internal enum SigningKeyLookupStatus
{
    Found,

    /// <summary>The key set was read, but has no usable key with that id.</summary>
    Unknown,

    /// <summary>The key set could not be read, so nothing can be said about the key.</summary>
    Unavailable,
}

internal readonly record struct SigningKeyLookup(SigningKeyLookupStatus Status, BotFrameworkSigningKey? Key)
{
    public static SigningKeyLookup Unknown => new(SigningKeyLookupStatus.Unknown, null);

    public static SigningKeyLookup Unavailable => new(SigningKeyLookupStatus.Unavailable, null);

    public static SigningKeyLookup Found(BotFrameworkSigningKey key) => new(SigningKeyLookupStatus.Found, key);
}

/// <summary>
/// The Bot Connector's signing keys: reads <c>Teams:OpenIdMetadataUrl</c>, then the JWKS at its <c>jwks_uri</c>.
/// The key set is refreshed every 24 hours, and again for a key id it does not know once the last refresh is more
/// than an hour old (the SDK's rules). A failed refresh keeps the last good key set and is not retried for a minute.
/// </summary>
internal sealed partial class BotFrameworkSigningKeyStore : IDisposable
{
    public const string HttpClientName = "SupportBot.BotFramework.OpenIdMetadata";

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromHours(1);
    public static readonly TimeSpan FailedRefreshRetryInterval = TimeSpan.FromMinutes(1);
    public const int MinimumKeySizeInBits = 2048;

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly IHttpClientFactory httpClientFactory;
    private readonly IOptions<TeamsOptions> teamsOptions;
    private readonly TimeProvider time;
    private readonly ILogger<BotFrameworkSigningKeyStore> logger;
    private readonly SemaphoreSlim refreshLock = new(1, 1);

    private volatile KeySet? keys;

    // Guarded by refreshLock.
    private DateTimeOffset? lastFailureAt;

    public BotFrameworkSigningKeyStore(
        IHttpClientFactory httpClientFactory,
        IOptions<TeamsOptions> teamsOptions,
        TimeProvider time,
        ILogger<BotFrameworkSigningKeyStore> logger)
    {
        this.httpClientFactory = httpClientFactory;
        this.teamsOptions = teamsOptions;
        this.time = time;
        this.logger = logger;
    }

    public async Task<SigningKeyLookup> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var current = keys;
        if (current is null || time.GetUtcNow() - current.FetchedAt >= RefreshInterval)
        {
            var (refreshed, _) = await RefreshAsync(RefreshInterval, cancellationToken);

            // A failed scheduled refresh carries on with the last good key set, if there is one.
            current = refreshed ?? current;
            if (current is null)
            {
                return SigningKeyLookup.Unavailable;
            }
        }

        if (current.ByKeyId.TryGetValue(keyId, out var key))
        {
            return SigningKeyLookup.Found(key);
        }

        if (time.GetUtcNow() - current.FetchedAt <= UnknownKeyRefreshInterval)
        {
            return SigningKeyLookup.Unknown;
        }

        var (afterRefresh, failed) = await RefreshAsync(UnknownKeyRefreshInterval, cancellationToken);
        if (afterRefresh is not null && afterRefresh.ByKeyId.TryGetValue(keyId, out key))
        {
            return SigningKeyLookup.Found(key);
        }

        return failed ? SigningKeyLookup.Unavailable : SigningKeyLookup.Unknown;
    }

    /// <summary>
    /// Fetches a new key set unless, once the lock is held, the current one is younger than <paramref name="maxAge"/>
    /// (another request refreshed it meanwhile) or the last attempt failed less than a minute ago.
    /// Returns the key set to use (null when there is none) and whether it is older than wanted because fetching failed.
    /// </summary>
    private async Task<(KeySet? Keys, bool Failed)> RefreshAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            var current = keys;
            var now = time.GetUtcNow();
            if (current is not null && now - current.FetchedAt < maxAge)
            {
                return (current, false);
            }

            if (lastFailureAt is { } failedAt && now - failedAt < FailedRefreshRetryInterval)
            {
                return (current, true);
            }

            var metadataUrl = teamsOptions.Value.OpenIdMetadataUrl;
            try
            {
                var fetched = await FetchAsync(metadataUrl, cancellationToken);
                keys = new KeySet(fetched.Keys, time.GetUtcNow());
                lastFailureAt = null;
                LogKeysRefreshed(logger, fetched.Keys.Count, fetched.JwksUri);
                return (keys, false);
            }
            catch (Exception ex) when (IsFetchFailure(ex, cancellationToken))
            {
                lastFailureAt = time.GetUtcNow();
                if (current is null)
                {
                    LogKeysUnavailable(logger, metadataUrl, ex);
                }
                else
                {
                    LogKeysStale(logger, metadataUrl, current.FetchedAt, ex);
                }

                return (current, true);
            }
        }
        finally
        {
            refreshLock.Release();
        }
    }

    private static bool IsFetchFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // HttpClient time-out, not the caller giving up
        HttpRequestException or JsonException or SigningKeyMetadataException or InvalidOperationException => true,
        _ => false,
    };

    private async Task<(Dictionary<string, BotFrameworkSigningKey> Keys, Uri JwksUri)> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var metadataUri = RequireFetchableUrl(metadataUrl, "Teams:OpenIdMetadataUrl");
        var client = httpClientFactory.CreateClient(HttpClientName);

        Uri jwksUri;
        using (var metadata = await GetJsonAsync(client, metadataUri, cancellationToken))
        {
            if (metadata.RootElement.ValueKind != JsonValueKind.Object
                || !metadata.RootElement.TryGetProperty("jwks_uri", out var jwksElement)
                || jwksElement.ValueKind != JsonValueKind.String)
            {
                throw new SigningKeyMetadataException($"The OpenID metadata at {metadataUri} has no 'jwks_uri' string.");
            }

            jwksUri = RequireFetchableUrl(jwksElement.GetString()!, "jwks_uri");
        }

        using var jwks = await GetJsonAsync(client, jwksUri, cancellationToken);
        var parsed = ParseKeySet(jwks.RootElement, jwksUri);
        if (parsed.Count == 0)
        {
            throw new SigningKeyMetadataException($"The key set at {jwksUri} has no usable RSA signing key.");
        }

        return (parsed, jwksUri);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SigningKeyMetadataException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return JsonDocument.Parse(body, JsonOptions);
    }

    /// <summary>https, or plain http to a loopback address (local tests); anything else is refused.</summary>
    private static Uri RequireFetchableUrl(string value, string what)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new SigningKeyMetadataException($"{what} must be an https URL (plain http only on a loopback address); got '{value}'.");
        }

        return uri;
    }

    private Dictionary<string, BotFrameworkSigningKey> ParseKeySet(JsonElement root, Uri jwksUri)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("keys", out var keyArray)
            || keyArray.ValueKind != JsonValueKind.Array)
        {
            throw new SigningKeyMetadataException($"The key set at {jwksUri} has no 'keys' array.");
        }

        var result = new Dictionary<string, BotFrameworkSigningKey>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in keyArray.EnumerateArray())
        {
            if (TryParseKey(element, out var key, out var problem))
            {
                if (!result.TryAdd(key.KeyId, key))
                {
                    LogKeySkipped(logger, index, jwksUri, "its kid repeats an earlier key");
                }
            }
            else if (problem is not null)
            {
                LogKeySkipped(logger, index, jwksUri, problem);
            }

            index++;
        }

        return result;
    }

    /// <summary>Reads one JWK. Keys that are not RSA signing keys are passed over silently (problem null).</summary>
    internal static bool TryParseKey(JsonElement jwk, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BotFrameworkSigningKey? key, out string? problem)
    {
        key = null;
        problem = null;
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            problem = "it is not a JSON object";
            return false;
        }

        if (BotFrameworkJwt.GetString(jwk, "kty") != "RSA" || (jwk.TryGetProperty("use", out _) && BotFrameworkJwt.GetString(jwk, "use") != "sig"))
        {
            return false;
        }

        var keyId = BotFrameworkJwt.GetString(jwk, "kid");
        if (string.IsNullOrEmpty(keyId))
        {
            problem = "it has no 'kid'";
            return false;
        }

        string? algorithm = null;
        if (jwk.TryGetProperty("alg", out _))
        {
            algorithm = BotFrameworkJwt.GetString(jwk, "alg");
            if (algorithm is null || !BotFrameworkJwt.AllowedAlgorithms.Contains(algorithm))
            {
                problem = "its 'alg' is not RS256, RS384 or RS512";
                return false;
            }
        }

        if (!TryDecode(BotFrameworkJwt.GetString(jwk, "n"), out var modulus) || !TryDecode(BotFrameworkJwt.GetString(jwk, "e"), out var exponent))
        {
            problem = "its 'n' or 'e' is missing or not base64url";
            return false;
        }

        modulus = TrimLeadingZeros(modulus);
        exponent = TrimLeadingZeros(exponent);
        if (modulus.Length * 8 < MinimumKeySizeInBits || exponent.Length == 0)
        {
            problem = $"it is not an RSA key of at least {MinimumKeySizeInBits} bits";
            return false;
        }

        var endorsements = new List<string>();
        if (jwk.TryGetProperty("endorsements", out var endorsementArray))
        {
            if (endorsementArray.ValueKind != JsonValueKind.Array)
            {
                problem = "its 'endorsements' is not an array";
                return false;
            }

            foreach (var endorsement in endorsementArray.EnumerateArray())
            {
                if (endorsement.ValueKind != JsonValueKind.String)
                {
                    problem = "its 'endorsements' holds a value that is not a string";
                    return false;
                }

                endorsements.Add(endorsement.GetString()!);
            }
        }

        key = new BotFrameworkSigningKey(keyId, new RSAParameters { Modulus = modulus, Exponent = exponent }, algorithm, endorsements);
        return true;
    }

    private static bool TryDecode(string? value, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(value) || !BotFrameworkJwt.IsBase64UrlText(value))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(value);
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var start = 0;
        while (start < value.Length && value[start] == 0)
        {
            start++;
        }

        return start == 0 ? value : value[start..];
    }

    public void Dispose() => refreshLock.Dispose();

    private sealed record KeySet(IReadOnlyDictionary<string, BotFrameworkSigningKey> ByKeyId, DateTimeOffset FetchedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {KeyCount} Bot Framework signing key(s) from {JwksUri}.")]
    private static partial void LogKeysRefreshed(ILogger logger, int keyCount, Uri jwksUri);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "Could not fetch the Bot Framework signing keys (OpenID metadata {MetadataUrl}). Bot Framework requests are refused with 500 until the keys can be read.")]
    private static partial void LogKeysUnavailable(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Could not refresh the Bot Framework signing keys (OpenID metadata {MetadataUrl}); still using the keys fetched at {FetchedAt:O}.")]
    private static partial void LogKeysStale(ILogger logger, string metadataUrl, DateTimeOffset fetchedAt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring key #{Index} of the Bot Framework key set {JwksUri}: {Problem}.")]
    private static partial void LogKeySkipped(ILogger logger, int index, Uri jwksUri, string problem);
}

/// <summary>The OpenID metadata or key set was fetched but cannot be used.</summary>
internal sealed class SigningKeyMetadataException(string message) : Exception(message);
