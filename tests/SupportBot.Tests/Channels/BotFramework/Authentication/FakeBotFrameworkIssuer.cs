using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Channels.BotFramework.Authentication;

/// <summary>
/// A stand-in for login.botframework.com on an in-process Kestrel server at <c>http://127.0.0.1:&lt;random port&gt;</c>:
/// the OpenID metadata document and the JWKS it points to. Tests change the published keys and count the fetches.
/// </summary>
internal sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    private readonly Lock gate = new();
    private readonly List<JsonObject> publishedKeys = [];
    private int metadataRequests;
    private int keysRequests;

    private WebApplication? app;

    private FakeBotFrameworkIssuer()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + MetadataPath;

    public int MetadataRequests => Volatile.Read(ref metadataRequests);

    public int KeysRequests => Volatile.Read(ref keysRequests);

    /// <summary>When set, both documents answer with this status instead (e.g. 503 for an outage).</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, the metadata names this <c>jwks_uri</c> instead of the local one.</summary>
    public string? JwksUriOverride { get; set; }

    public static async Task<FakeBotFrameworkIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var issuer = new FakeBotFrameworkIssuer { app = app };
        app.MapGet(MetadataPath, issuer.ServeMetadata);
        app.MapGet(KeysPath, issuer.ServeKeys);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        issuer.BaseUrl = address.TrimEnd('/');
        return issuer;
    }

    /// <summary>Publishes <paramref name="key"/>'s public half under <paramref name="kid"/>; null endorsements leaves the member out.</summary>
    public void Publish(RSA key, string kid, params string[]? endorsements)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        lock (gate)
        {
            publishedKeys.RemoveAll(k => k["kid"]!.GetValue<string>() == kid);
            publishedKeys.Add(jwk);
        }
    }

    public void Unpublish(string kid)
    {
        lock (gate)
        {
            publishedKeys.RemoveAll(k => k["kid"]!.GetValue<string>() == kid);
        }
    }

    private IResult ServeMetadata()
    {
        Interlocked.Increment(ref metadataRequests);
        if (FailWith is { } status)
        {
            return Results.StatusCode((int)status);
        }

        return Results.Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = JwksUriOverride ?? BaseUrl + KeysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        });
    }

    private IResult ServeKeys()
    {
        Interlocked.Increment(ref keysRequests);
        if (FailWith is { } status)
        {
            return Results.StatusCode((int)status);
        }

        lock (gate)
        {
            return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. publishedKeys.Select(k => k.DeepClone())]) });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
