using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Channels.BotFramework.Authentication;

/// <summary>Builds compact JWTs for the tests, including deliberately broken ones.</summary>
internal static class TestJwt
{
    public static string Encode(JsonNode node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));

    public static JsonObject Header(string alg, string? kid) =>
        kid is null ? new JsonObject { ["alg"] = alg, ["typ"] = "JWT" } : new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid };

    /// <summary>RSA PKCS#1 v1.5 signature with the hash that <paramref name="alg"/> (RS256/RS384/RS512) names.</summary>
    public static string SignRsa(RSA key, JsonObject header, JsonObject claims)
    {
        var hash = header["alg"]!.GetValue<string>() switch
        {
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var signed = Encode(header) + "." + Encode(claims);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), hash, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    public static string SignHmacSha256(byte[] secret, JsonObject header, JsonObject claims)
    {
        var signed = Encode(header) + "." + Encode(claims);
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary><c>alg:none</c>: header and payload with an empty signature.</summary>
    public static string Unsigned(JsonObject claims, string? kid) =>
        Encode(Header("none", kid)) + "." + Encode(claims) + ".";
}
