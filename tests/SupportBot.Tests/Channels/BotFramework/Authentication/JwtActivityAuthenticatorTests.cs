using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Authentication;

namespace SupportBot.Tests.Channels.BotFramework.Authentication;

/// <summary>The inbound JWT vectors of the Teams spec (section 8), against a local issuer over real HTTP.</summary>
public sealed class JwtActivityAuthenticatorTests : IAsyncLifetime
{
    private AuthenticationHarness h = null!;

    public async Task InitializeAsync() => h = await AuthenticationHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static void AssertRejected(AuthenticationOutcome outcome, string reasonFragment)
    {
        Assert.False(outcome.Allowed);
        Assert.Equal(StatusCodes.Status401Unauthorized, outcome.StatusCode);
        Assert.Contains(reasonFragment, outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Valid_IsAllowed()
    {
        var outcome = await h.AuthenticateBearerAsync(h.ValidToken());

        Assert.True(outcome.Allowed, outcome.Problem);
        Assert.Equal(1, h.IssuerServer.MetadataRequests);
        Assert.Equal(1, h.IssuerServer.KeysRequests);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Token_SignedWithAnAllowedRsaAlgorithm_IsAllowed(string alg)
    {
        var outcome = await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), alg));

        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task Token_ExpiredBeyondClockSkew_IsRejected()
    {
        var claims = h.ValidClaims();
        claims["nbf"] = h.Now.ToUnixTimeSeconds() - 4000;
        claims["exp"] = h.Now.ToUnixTimeSeconds() - 301;

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "expired");
    }

    [Fact]
    public async Task Token_ExpiredWithinClockSkew_IsAllowed()
    {
        var claims = h.ValidClaims();
        claims["nbf"] = h.Now.ToUnixTimeSeconds() - 4000;
        claims["exp"] = h.Now.ToUnixTimeSeconds() - 200;

        var outcome = await h.AuthenticateBearerAsync(h.Token(claims));

        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task Token_NotYetValidBeyondClockSkew_IsRejected()
    {
        var claims = h.ValidClaims();
        claims["nbf"] = h.Now.ToUnixTimeSeconds() + 301;

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "not valid yet");
    }

    [Fact]
    public async Task Token_NotYetValidWithinClockSkew_IsAllowed()
    {
        var claims = h.ValidClaims();
        claims["nbf"] = h.Now.ToUnixTimeSeconds() + 200;

        var outcome = await h.AuthenticateBearerAsync(h.Token(claims));

        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task Token_WithoutExpiry_IsRejected()
    {
        var claims = h.ValidClaims();
        claims.Remove("exp");

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "expiry");
    }

    [Fact]
    public async Task Token_ForAnotherAudience_IsRejected()
    {
        var claims = h.ValidClaims();
        claims["aud"] = "6b2e1c0a-1111-2222-3333-444455556666";

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "audience");
    }

    [Fact]
    public async Task Token_WithoutAudience_IsRejected()
    {
        var claims = h.ValidClaims();
        claims.Remove("aud");

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "audience");
    }

    [Fact]
    public async Task Token_FromWrongIssuer_IsRejected()
    {
        var claims = h.ValidClaims();
        claims["iss"] = "https://api.botframework.org";

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "issuer");
    }

    [Fact]
    public async Task Token_WithAlgNone_IsRejected()
    {
        AssertRejected(await h.AuthenticateBearerAsync(TestJwt.Unsigned(h.ValidClaims(), AuthenticationHarness.KeyId)), "unsigned");

        // The same with a junk signature part: refused on the algorithm.
        var withSignature = TestJwt.Unsigned(h.ValidClaims(), AuthenticationHarness.KeyId) + "AAAA";
        AssertRejected(await h.AuthenticateBearerAsync(withSignature), "algorithm");
    }

    public static TheoryData<string> PublicKeyEncodings => ["spki-der", "spki-pem", "pkcs1-der", "modulus", "jwk-json"];

    [Theory]
    [MemberData(nameof(PublicKeyEncodings))]
    public async Task Token_Hs256SignedWithTheRsaPublicKeyAsSecret_IsRejected(string encoding)
    {
        var publicKey = h.SigningKey.ExportParameters(false);
        byte[] secret = encoding switch
        {
            "spki-der" => h.SigningKey.ExportSubjectPublicKeyInfo(),
            "spki-pem" => Encoding.ASCII.GetBytes(h.SigningKey.ExportSubjectPublicKeyInfoPem()),
            "pkcs1-der" => h.SigningKey.ExportRSAPublicKey(),
            "modulus" => publicKey.Modulus!,
            _ => Encoding.UTF8.GetBytes(new JsonObject { ["kty"] = "RSA", ["n"] = Convert.ToBase64String(publicKey.Modulus!), ["e"] = "AQAB" }.ToJsonString()),
        };
        var token = TestJwt.SignHmacSha256(secret, TestJwt.Header("HS256", AuthenticationHarness.KeyId), h.ValidClaims());

        AssertRejected(await h.AuthenticateBearerAsync(token), "algorithm");
        Assert.Equal(0, h.IssuerServer.KeysRequests); // refused on the header alone
    }

    [Theory]
    [InlineData("HS384")]
    [InlineData("HS512")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("rs256")]
    public async Task Token_WithAnAlgorithmOutsideTheAllowList_IsRejected(string alg)
    {
        var claims = TestJwt.Encode(h.ValidClaims());
        var token = TestJwt.Encode(TestJwt.Header(alg, AuthenticationHarness.KeyId)) + "." + claims + ".c2lnbmF0dXJl";

        AssertRejected(await h.AuthenticateBearerAsync(token), "algorithm");
    }

    [Fact]
    public async Task Token_PayloadEditedAfterSigning_IsRejected()
    {
        var parts = h.ValidToken().Split('.');
        var edited = h.ValidClaims();
        edited["serviceurl"] = "https://evil.example/";
        var token = parts[0] + "." + TestJwt.Encode(edited) + "." + parts[2];

        var outcome = await h.AuthenticateBearerAsync(token, AuthenticationHarness.NewActivity(serviceUrl: "https://evil.example/"));

        AssertRejected(outcome, "signature");
    }

    [Fact]
    public async Task Token_SignedByAnotherKeyUnderTheSameKid_IsRejected()
    {
        using var impostor = TestKeys.Other();

        var outcome = await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), key: impostor));

        AssertRejected(outcome, "signature");
    }

    [Fact]
    public async Task Token_WithTruncatedSignature_IsRejected()
    {
        var token = h.ValidToken();

        AssertRejected(await h.AuthenticateBearerAsync(token[..^10]), "signature");
    }

    [Fact]
    public async Task Token_ServiceUrlClaimMismatch_IsRejected()
    {
        var claims = h.ValidClaims();
        claims["serviceurl"] = "https://evil.example/";

        var outcome = await h.AuthenticateBearerAsync(h.Token(claims), AuthenticationHarness.NewActivity(serviceUrl: "https://smba.trafficmanager.net/amer/"));

        AssertRejected(outcome, "serviceurl");
    }

    [Fact]
    public async Task Token_ServiceUrlDifferingOnlyByTrailingSlash_IsRejected()
    {
        var outcome = await h.AuthenticateBearerAsync(h.ValidToken(), AuthenticationHarness.NewActivity(serviceUrl: "https://smba.trafficmanager.net/amer"));

        AssertRejected(outcome, "serviceurl");
    }

    [Fact]
    public async Task Token_WithoutServiceUrlClaim_IsRejected()
    {
        var claims = h.ValidClaims();
        claims.Remove("serviceurl");

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(claims)), "serviceurl");
    }

    [Fact]
    public async Task Token_FromKeyNotEndorsingTheChannel_IsRejected()
    {
        h.IssuerServer.Publish(h.SigningKey, AuthenticationHarness.KeyId, "webchat");

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken(), AuthenticationHarness.NewActivity(channelId: "msteams"));

        AssertRejected(outcome, "endorse");
    }

    [Fact]
    public async Task Token_FromKeyWithEndorsements_IsRejectedForActivityWithoutChannelId()
    {
        var outcome = await h.AuthenticateBearerAsync(h.ValidToken(), AuthenticationHarness.NewActivity(channelId: null));

        AssertRejected(outcome, "endorse");
    }

    [Fact]
    public async Task Token_EndorsementMatch_IsCaseSensitive()
    {
        var outcome = await h.AuthenticateBearerAsync(h.ValidToken(), AuthenticationHarness.NewActivity(channelId: "MsTeams"));

        AssertRejected(outcome, "endorse");
    }

    [Fact]
    public async Task Token_FromKeyWithoutEndorsements_IsAllowedForAnyChannel()
    {
        h.IssuerServer.Publish(h.SigningKey, AuthenticationHarness.KeyId, endorsements: null);

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken(), AuthenticationHarness.NewActivity(channelId: "webchat"));

        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task Token_FromKeyWithEmptyEndorsements_IsAllowedForAnyChannel()
    {
        h.IssuerServer.Publish(h.SigningKey, AuthenticationHarness.KeyId);

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken(), AuthenticationHarness.NewActivity(channelId: "directline"));

        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task Header_Absent_IsRejected()
    {
        AssertRejected(await h.AuthenticateAsync(authorization: null), "missing");
        Assert.Equal(0, h.IssuerServer.MetadataRequests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Header_Blank_IsRejected(string header)
    {
        AssertRejected(await h.AuthenticateAsync(header), "missing");
    }

    [Theory]
    [InlineData("Basic x")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a b")]
    [InlineData("x y z")]
    public async Task Header_NotExactlyBearerAndToken_IsRejected(string header)
    {
        AssertRejected(await h.AuthenticateAsync(header), "'Bearer <token>'");
    }

    [Theory]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer {0} ")]
    [InlineData("Bearer {0} extra")]
    [InlineData(" Bearer {0}")]
    [InlineData("Bearer\t{0}")]
    public async Task Header_ValidTokenInAMalformedHeader_IsRejected(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, h.ValidToken());

        var outcome = await h.AuthenticateAsync(header);

        Assert.False(outcome.Allowed);
        Assert.Equal(StatusCodes.Status401Unauthorized, outcome.StatusCode);
    }

    [Fact]
    public async Task Header_TwoAuthorizationHeaders_IsRejected()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = new Microsoft.Extensions.Primitives.StringValues(["Bearer " + h.ValidToken(), "Bearer " + h.ValidToken()]);

        var outcome = await h.Authenticator.AuthenticateAsync(context, AuthenticationHarness.NewActivity(), CancellationToken.None);

        AssertRejected(outcome, "more than one");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData("e30.e30.e30")]
    [InlineData("!!!.e30.c2ln")]
    public async Task Token_Malformed_IsRejected(string token)
    {
        var outcome = await h.AuthenticateBearerAsync(token);

        Assert.False(outcome.Allowed);
        Assert.Equal(StatusCodes.Status401Unauthorized, outcome.StatusCode);
    }

    [Fact]
    public async Task Token_WithoutKid_IsRejected()
    {
        var token = TestJwt.SignRsa(h.SigningKey, TestJwt.Header("RS256", kid: null), h.ValidClaims());

        AssertRejected(await h.AuthenticateBearerAsync(token), "kid");
    }

    [Fact]
    public async Task Token_WithCriticalHeaderExtension_IsRejected()
    {
        var header = TestJwt.Header("RS256", AuthenticationHarness.KeyId);
        header["crit"] = new JsonArray("exp");
        header["exp"] = 1;

        AssertRejected(await h.AuthenticateBearerAsync(TestJwt.SignRsa(h.SigningKey, header, h.ValidClaims())), "critical");
    }

    [Fact]
    public async Task Token_WithDuplicateClaim_IsRejected()
    {
        // A second "aud" after a valid one: JSON parsers disagree on which wins, so the token is refused outright.
        var header = TestJwt.Encode(TestJwt.Header("RS256", AuthenticationHarness.KeyId));
        var json = h.ValidClaims().ToJsonString().TrimEnd('}') + ",\"aud\":\"someone-else\"}";
        var payload = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var signed = header + "." + payload;
        var signature = h.SigningKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var token = signed + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);

        AssertRejected(await h.AuthenticateBearerAsync(token), "payload");
    }

    [Fact]
    public async Task Token_WithAudienceArrayContainingAppId_IsAllowed()
    {
        var claims = h.ValidClaims();
        claims["aud"] = new JsonArray("someone-else", AuthenticationHarness.AppId);

        var outcome = await h.AuthenticateBearerAsync(h.Token(claims));

        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task Token_SignedByUnknownKey_IsRejectedEvenAfterRefresh()
    {
        using var stranger = TestKeys.Stranger();
        var unknown = h.Token(h.ValidClaims(), kid: "not-published", key: stranger);

        // First use: the keys are fetched once; the kid is not among them, and they are fresh, so no second fetch.
        AssertRejected(await h.AuthenticateBearerAsync(unknown), "unknown key");
        Assert.Equal(1, h.IssuerServer.KeysRequests);
        AssertRejected(await h.AuthenticateBearerAsync(unknown), "unknown key");
        Assert.Equal(1, h.IssuerServer.KeysRequests);

        // Exactly one hour later is not "more than an hour": still no fetch.
        h.Clock.Advance(TimeSpan.FromHours(1));
        AssertRejected(await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), kid: "not-published", key: stranger)), "unknown key");
        Assert.Equal(1, h.IssuerServer.KeysRequests);

        // Past the hour: re-fetched once, still unknown; further attempts do not fetch again.
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        unknown = h.Token(h.ValidClaims(), kid: "not-published", key: stranger);
        AssertRejected(await h.AuthenticateBearerAsync(unknown), "unknown key");
        Assert.Equal(2, h.IssuerServer.KeysRequests);
        Assert.Equal(2, h.IssuerServer.MetadataRequests);
        for (var i = 0; i < 5; i++)
        {
            AssertRejected(await h.AuthenticateBearerAsync(unknown), "unknown key");
        }

        Assert.Equal(2, h.IssuerServer.KeysRequests);

        // The known key keeps working throughout without extra fetches.
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        Assert.Equal(2, h.IssuerServer.KeysRequests);
    }

    [Fact]
    public async Task KeyRotation_NewKidPublishedLaterIsAcceptedOnceTheKeysAreMoreThanAnHourOld()
    {
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);

        using var rotated = TestKeys.Other();
        h.IssuerServer.Publish(rotated, "test-key-2", "msteams");
        h.IssuerServer.Unpublish(AuthenticationHarness.KeyId);

        // Within the hour the new kid is not fetched for.
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        AssertRejected(await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), kid: "test-key-2", key: rotated)), "unknown key");
        Assert.Equal(1, h.IssuerServer.KeysRequests);

        // After it, the unknown kid triggers a refresh and is accepted.
        h.Clock.Advance(TimeSpan.FromMinutes(31));
        var outcome = await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), kid: "test-key-2", key: rotated));
        Assert.True(outcome.Allowed, outcome.Problem);
        Assert.Equal(2, h.IssuerServer.KeysRequests);

        // The retired key is gone with the refresh.
        AssertRejected(await h.AuthenticateBearerAsync(h.ValidToken()), "unknown key");
    }

    [Fact]
    public async Task Keys_AreRefreshedEvery24Hours()
    {
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        h.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        Assert.Equal(1, h.IssuerServer.KeysRequests);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        Assert.Equal(2, h.IssuerServer.KeysRequests);
        Assert.Equal(2, h.IssuerServer.MetadataRequests);
    }

    [Fact]
    public async Task Keys_RemovedAtTheDailyRefresh_NoLongerValidate()
    {
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        h.IssuerServer.Unpublish(AuthenticationHarness.KeyId);
        using var other = TestKeys.Other();
        h.IssuerServer.Publish(other, "test-key-2");

        h.Clock.Advance(TimeSpan.FromHours(25));

        AssertRejected(await h.AuthenticateBearerAsync(h.ValidToken()), "unknown key");
    }

    [Fact]
    public async Task ConcurrentFirstRequests_FetchTheKeysOnce()
    {
        var token = h.ValidToken();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => h.AuthenticateBearerAsync(token))));

        Assert.All(outcomes, o => Assert.True(o.Allowed, o.Problem));
        Assert.Equal(1, h.IssuerServer.MetadataRequests);
        Assert.Equal(1, h.IssuerServer.KeysRequests);
    }

    [Fact]
    public async Task Rejection_NeverEchoesOrLogsTheToken()
    {
        var claims = h.ValidClaims();
        claims["aud"] = "someone-else";
        var tokens = new[]
        {
            h.Token(claims),
            h.Token(h.ValidClaims(), kid: "not-published"),
            TestJwt.Unsigned(h.ValidClaims(), AuthenticationHarness.KeyId),
            h.ValidToken()[..^4],
        };

        foreach (var token in tokens)
        {
            var outcome = await h.AuthenticateBearerAsync(token);
            Assert.False(outcome.Allowed);
            var signature = token.Split('.')[^1];
            var payload = token.Split('.')[1];
            Assert.DoesNotContain(payload, outcome.Problem!, StringComparison.Ordinal);
            Assert.All(h.Logs.Entries, e =>
            {
                Assert.DoesNotContain(payload, e.Text, StringComparison.Ordinal);
                if (signature.Length > 0)
                {
                    Assert.DoesNotContain(signature, e.Text, StringComparison.Ordinal);
                }
            });
        }

        Assert.Contains(h.Logs.Entries, e => e.Text.Contains("Refused a Bot Framework request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejection_AsksForBearerAuthentication()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Basic x";

        await h.Authenticator.AuthenticateAsync(context, AuthenticationHarness.NewActivity(), CancellationToken.None);

        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task Metadata_Unreachable_Returns500AndLogsTheProblem()
    {
        h.IssuerServer.FailWith = HttpStatusCode.ServiceUnavailable;

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken());

        Assert.False(outcome.Allowed);
        Assert.Equal(StatusCodes.Status500InternalServerError, outcome.StatusCode);
        Assert.Contains("signing keys could not be fetched", outcome.Problem, StringComparison.Ordinal);
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains(h.IssuerServer.MetadataUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_UnreachableAtStart_IsRetriedAfterAMinute()
    {
        h.IssuerServer.FailWith = HttpStatusCode.ServiceUnavailable;
        Assert.Equal(500, (await h.AuthenticateBearerAsync(h.ValidToken())).StatusCode);
        Assert.Equal(500, (await h.AuthenticateBearerAsync(h.ValidToken())).StatusCode);
        Assert.Equal(1, h.IssuerServer.MetadataRequests); // failed fetches are not repeated on every request

        h.IssuerServer.FailWith = null;
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken());
        Assert.True(outcome.Allowed, outcome.Problem);
        Assert.Equal(2, h.IssuerServer.MetadataRequests);
    }

    [Fact]
    public async Task Metadata_UnreachableAtDailyRefresh_KeepsTheLastGoodKeys()
    {
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        h.IssuerServer.FailWith = HttpStatusCode.BadGateway;
        h.Clock.Advance(TimeSpan.FromHours(25));

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken());

        Assert.True(outcome.Allowed, outcome.Problem);
        Assert.Equal(2, h.IssuerServer.MetadataRequests);
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("still using the keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_UnreachableWhenAnUnknownKidNeedsARefresh_Returns500()
    {
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
        h.IssuerServer.FailWith = HttpStatusCode.ServiceUnavailable;
        h.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), kid: "test-key-2"));

        Assert.Equal(StatusCodes.Status500InternalServerError, outcome.StatusCode);
    }

    [Fact]
    public async Task Metadata_PointingAtPlainHttpJwksOffLoopback_IsRefused()
    {
        h.IssuerServer.JwksUriOverride = "http://keys.example/v1/.well-known/keys";

        var outcome = await h.AuthenticateBearerAsync(h.ValidToken());

        Assert.Equal(StatusCodes.Status500InternalServerError, outcome.StatusCode);
        Assert.Equal(0, h.IssuerServer.KeysRequests);
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("jwks_uri must be an https URL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_TooSmallToTrust_AreIgnored()
    {
        using var weak = TestKeys.Weak();
        h.IssuerServer.Publish(weak, "weak-key", "msteams");

        AssertRejected(await h.AuthenticateBearerAsync(h.Token(h.ValidClaims(), kid: "weak-key", key: weak)), "unknown key");
        Assert.True((await h.AuthenticateBearerAsync(h.ValidToken())).Allowed);
    }
}
