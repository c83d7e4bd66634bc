using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SupportBot.Host.Channels.BotFramework.Authentication;

/// <summary>
/// A compact JWS (<c>header.payload.signature</c>) as received, before anything about it is trusted: the header is
/// decoded so that the signing key can be found; the payload is only read once the signature has been verified.
/// </summary>
internal sealed class BotFrameworkJwt
{
    /// <summary>The SDK's list; the Bot Connector signs with RS256. Everything else (none, HS*, PS*, ES*) is refused.</summary>
    public static readonly FrozenSet<string> AllowedAlgorithms = FrozenSet.Create(StringComparer.Ordinal, "RS256", "RS384", "RS512");

    /// <summary>Bot Connector tokens are a couple of kilobytes; anything much longer is not one.</summary>
    public const int MaxLength = 16 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly string signedText;
    private readonly string payloadText;
    private readonly byte[] signature;

    private BotFrameworkJwt(string signedText, string payloadText, byte[] signature, string algorithm, string keyId)
    {
        this.signedText = signedText;
        this.payloadText = payloadText;
        this.signature = signature;
        Algorithm = algorithm;
        KeyId = keyId;
    }

    public string Algorithm { get; }

    public string KeyId { get; }

    /// <summary>Splits and decodes the token and checks its header. On failure <paramref name="problem"/> says why, without quoting the token.</summary>
    public static bool TryRead(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BotFrameworkJwt? jwt, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        jwt = null;
        if (token.Length > MaxLength)
        {
            problem = "the token is too long";
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            problem = "the token is not a signed JWT (header.payload.signature)";
            return false;
        }

        if (parts[2].Length == 0)
        {
            problem = "the token is unsigned";
            return false;
        }

        if (!TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out _) || !TryDecode(parts[2], out var signatureBytes))
        {
            problem = "the token is not base64url encoded";
            return false;
        }

        string? algorithm;
        string? keyId;
        try
        {
            using var header = JsonDocument.Parse(headerBytes, JsonOptions);
            var root = header.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the token header is not a JSON object";
                return false;
            }

            algorithm = GetString(root, "alg");
            keyId = GetString(root, "kid");

            // RFC 7515 §4.1.11: extensions listed in 'crit' must be understood; this validator understands none.
            if (root.TryGetProperty("crit", out _))
            {
                problem = "the token header has critical extensions";
                return false;
            }
        }
        catch (JsonException)
        {
            problem = "the token header is not valid JSON";
            return false;
        }

        if (algorithm is null || !AllowedAlgorithms.Contains(algorithm))
        {
            problem = "the token's signing algorithm is not allowed (RS256, RS384 or RS512 only)";
            return false;
        }

        if (string.IsNullOrEmpty(keyId))
        {
            problem = "the token header has no key id (kid)";
            return false;
        }

        jwt = new BotFrameworkJwt(parts[0] + "." + parts[1], parts[1], signatureBytes, algorithm, keyId);
        problem = null;
        return true;
    }

    /// <summary>Checks the RSA PKCS#1 v1.5 signature over <c>header.payload</c> with <paramref name="key"/>.</summary>
    public bool HasValidSignature(BotFrameworkSigningKey key)
    {
        if (key.Algorithm is not null && key.Algorithm != Algorithm)
        {
            return false;
        }

        var hash = Algorithm switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => throw new InvalidOperationException("Unreachable: the algorithm was checked in TryRead."),
        };

        try
        {
            using var rsa = RSA.Create(key.Parameters);
            return rsa.VerifyData(Encoding.ASCII.GetBytes(signedText), signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The claims. Call only after <see cref="HasValidSignature"/>; the caller disposes the document.</summary>
    public bool TryReadPayload([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? payload)
    {
        payload = null;
        try
        {
            var document = JsonDocument.Parse(Base64Url.DecodeFromChars(payloadText), JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return false;
            }

            payload = document;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return false;
        }
    }

    internal static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Only the unpadded base64url alphabet (RFC 7515 §2): no padding, no whitespace.</summary>
    internal static bool IsBase64UrlText(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecode(string value, out byte[] bytes)
    {
        bytes = [];
        if (!IsBase64UrlText(value))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
