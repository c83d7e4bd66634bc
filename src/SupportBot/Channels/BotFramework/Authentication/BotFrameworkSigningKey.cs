using System.Security.Cryptography;

namespace SupportBot.Host.Channels.BotFramework.Authentication;

/// <summary>
/// One RSA signing key from the Bot Framework JWKS. <see cref="Endorsements"/> lists the channel ids the key
/// may vouch for; empty when the JWK has none.
/// </summary>
internal sealed class BotFrameworkSigningKey(string keyId, RSAParameters parameters, string? algorithm, IReadOnlyList<string> endorsements)
{
    public string KeyId { get; } = keyId;

    /// <summary>Public key only (<c>n</c>, <c>e</c>).</summary>
    public RSAParameters Parameters { get; } = parameters;

    /// <summary>The JWK's <c>alg</c>, when it names one; a token must then use exactly that algorithm.</summary>
    public string? Algorithm { get; } = algorithm;

    public IReadOnlyList<string> Endorsements { get; } = endorsements;

    /// <summary>
    /// True when the key may sign for <paramref name="channelId"/>. Stricter than the SDK: a key with
    /// endorsements never vouches for an activity without a channel id.
    /// </summary>
    public bool Endorses(string? channelId) =>
        Endorsements.Count == 0
        || (!string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId, StringComparer.Ordinal));
}
