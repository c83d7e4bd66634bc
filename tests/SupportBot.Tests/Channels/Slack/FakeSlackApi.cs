using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Channels.Slack;

/// <summary>
/// The Slack Web API on a loopback port: records every <c>chat.postMessage</c> and answers ok with a ts, and every
/// <c>chat.update</c>, answering ok with the ts it was given.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string? Authorization, string? ContentType, JsonObject Body)> _posts = new();
    private readonly ConcurrentQueue<JsonObject> _updates = new();
    private int _nextTs;

    private FakeSlackApi(WebApplication app) => _app = app;

    /// <summary>The value for <c>Slack:ApiBaseUrl</c>.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<(string? Authorization, string? ContentType, JsonObject Body)> Posts => [.. _posts];

    /// <summary>The bodies of the <c>chat.update</c> calls, in order.</summary>
    public IReadOnlyList<JsonObject> Updates => [.. _updates];

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/chat.postMessage", async (HttpRequest request) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            fake._posts.Enqueue((request.Headers.Authorization.ToString(), request.ContentType, body));
            var ts = $"1700000000.{Interlocked.Increment(ref fake._nextTs):000000}";
            return Results.Json(new { ok = true, channel = body["channel"]?.GetValue<string>(), ts });
        });
        app.MapPost("/api/chat.update", async (HttpRequest request) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            fake._updates.Enqueue(body);
            return Results.Json(new { ok = true, channel = body["channel"]?.GetValue<string>(), ts = body["ts"]?.GetValue<string>() });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Url = address + "/api/";
        return fake;
    }

    /// <summary>Polls (bounded) until a post to <paramref name="channel"/> has arrived; returns the posts to it.</summary>
    public async Task<List<JsonObject>> WaitForPostsAsync(string channel, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var posts = PostsTo(channel);
            if (posts.Count >= count)
            {
                return posts;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{posts.Count} of {count} chat.postMessage calls to {channel} reached the fake Slack API.");
            }

            await Task.Delay(25);
        }
    }

    public List<JsonObject> PostsTo(string channel) =>
        _posts.Where(p => p.Body["channel"]?.GetValue<string>() == channel).Select(p => p.Body).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
