using System.Security.Cryptography;

namespace SupportBot.Tests.Channels.BotFramework.Authentication;

/// <summary>
/// RSA keys generated once per test run (2048-bit generation is slow); each call hands out a fresh
/// <see cref="RSA"/> object over the same key, so tests never share an instance.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<RSAParameters>[] Keys =
    [
        new(() => Generate(2048)), // the published test-key-1
        new(() => Generate(2048)), // an impostor or a rotated key
        new(() => Generate(2048)), // a stranger nobody publishes
        new(() => Generate(1024)), // too small to trust
    ];

    public static RSA Primary() => RSA.Create(Keys[0].Value);

    public static RSA Other() => RSA.Create(Keys[1].Value);

    public static RSA Stranger() => RSA.Create(Keys[2].Value);

    public static RSA Weak() => RSA.Create(Keys[3].Value);

    private static RSAParameters Generate(int bits)
    {
#pragma warning disable CA5385 // the 1024-bit key exists to be refused
        using var rsa = RSA.Create(bits);
#pragma warning restore CA5385
        return rsa.ExportParameters(includePrivateParameters: true);
    }
}
