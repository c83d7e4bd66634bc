using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

/// <summary>
/// An OAuth client-credentials token endpoint on a loopback port, shaped like Entra's
/// (<c>/{tenant}/oauth2/v2.0/token</c>). Hands out <c>token-1</c>, <c>token-2</c>, ... valid for
/// <see cref="ExpiresIn"/> seconds; records the tenant and form of each request; can refuse or hold requests.
/// </summary>
internal sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<TokenRequest> received = new();
    private readonly ConcurrentQueue<(int Status, string Body)> failures = new();
    private int issued;

    private FakeTokenEndpoint(WebApplication app) => this.app = app;

    /// <summary>The multi-tenant endpoint, <c>http://127.0.0.1:port/botframework.com/oauth2/v2.0/token</c>.</summary>
    public string Url { get; private set; } = "";

    public int ExpiresIn { get; set; } = 3599;

    public IReadOnlyList<TokenRequest> Requests => [.. received];

    /// <summary>When set, each request waits for this task before it is answered.</summary>
    public Task? Hold { get; set; }

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeTokenEndpoint(app);
        app.MapPost("/{tenant}/oauth2/v2.0/token", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Url = address + "/botframework.com/oauth2/v2.0/token";
        return fake;
    }

    /// <summary>The next request is refused with this OAuth error.</summary>
    public void EnqueueFailure(int status, string error, string description) =>
        failures.Enqueue((status, new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString()));

    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {received.Count} of {count} requests reached the fake token endpoint.");
            }

            await Task.Delay(5);
        }
    }

    private async Task<IResult> HandleAsync(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        received.Enqueue(new TokenRequest(tenant, request.ContentType ?? "", form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (Hold is { } hold)
        {
            await hold;
        }

        if (failures.TryDequeue(out var failure))
        {
            return Results.Content(failure.Body, "application/json", statusCode: failure.Status);
        }

        var number = Interlocked.Increment(ref issued);
        return Results.Json(new { token_type = "Bearer", expires_in = ExpiresIn, ext_expires_in = ExpiresIn, access_token = "token-" + number });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

internal sealed record TokenRequest(string Tenant, string ContentType, IReadOnlyDictionary<string, string> Form);
