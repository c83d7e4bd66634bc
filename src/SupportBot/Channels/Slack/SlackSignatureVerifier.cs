using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Checks Slack's v0 request signature: <c>v0=</c> + lowercase hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>
/// keyed with the signing secret, within five minutes of now. Fails closed on an empty secret.
/// </summary>
public sealed class SlackSignatureVerifier(TimeProvider timeProvider)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Returns null when the request is genuine, otherwise why it was refused.</summary>
    public string? Verify(string? signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(signingSecret))
        {
            return "Slack:SigningSecret is not set, so no request can be verified.";
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return $"The {TimestampHeader} and {SignatureHeader} headers are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} is not a Unix time in seconds.";
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return $"{TimestampHeader} is more than 5 minutes away from this server's clock.";
        }

        if (!signature.StartsWith("v0=", StringComparison.Ordinal))
        {
            return "Only v0 Slack signatures are supported.";
        }

        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var data = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(data, 0);
        rawBody.CopyTo(data.AsSpan(prefix.Length));
        var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), data));

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : "The Slack signature does not match this request.";
    }
}
