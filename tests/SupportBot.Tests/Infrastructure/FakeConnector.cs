using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Activities;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// The far side of the Bot Connector API on a loopback port: records every activity SupportBot posts
/// to <c>/v3/conversations/{id}/activities[/{replyToId}]</c> and answers 201 with an id.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, Activity Activity)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IEnumerable<(string Path, Activity Activity)> Received => _received;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities/{**rest}", async (HttpRequest request) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options);
            // The raw target keeps the percent-encoding SupportBot applied to the ids.
            var raw = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            connector._received.Enqueue((raw, activity!));
            connector._arrived.Release();
            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") }, statusCode: 201);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address + "/_connector";
        return connector;
    }

    /// <summary>Waits until <paramref name="count"/> more activities have arrived, and returns them.</summary>
    public async Task<List<Activity>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var result = new List<Activity>();
        for (var i = 0; i < count; i++)
        {
            if (!await _arrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"Only {result.Count} of {count} activities reached the fake connector.");
            }
        }

        return _received.Select(r => r.Activity).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
