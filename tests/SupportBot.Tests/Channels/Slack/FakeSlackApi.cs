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
    private readonly ConcurrentQueue<(string Method, string? Authorization, string? ContentType, string Body)> _calls = new();
    private int _nextTs;

    /// <summary>The raw <c>chat.postEphemeral</c>, <c>conversations.open</c> and <c>users.info</c> calls, in order.</summary>
    public IReadOnlyList<(string Method, string? Authorization, string? ContentType, string Body)> Calls => [.. _calls];

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
        app.MapPost("/api/chat.postEphemeral", async (HttpRequest request) =>
        {
            var raw = await new StreamReader(request.Body).ReadToEndAsync();
            fake._calls.Enqueue(("chat.postEphemeral", request.Headers.Authorization.ToString(), request.ContentType, raw));
            return Results.Json(new { ok = true, message_ts = $"1700000001.{Interlocked.Increment(ref fake._nextTs):000000}" });
        });
        app.MapPost("/api/conversations.open", async (HttpRequest request) =>
        {
            var raw = await new StreamReader(request.Body).ReadToEndAsync();
            fake._calls.Enqueue(("conversations.open", request.Headers.Authorization.ToString(), request.ContentType, raw));
            var users = JsonNode.Parse(raw)?["users"]?.GetValue<string>() ?? "";
            return Results.Json(new { ok = true, channel = new { id = "D" + users.TrimStart('U', 'W') } });
        });
        app.MapPost("/api/users.info", async (HttpRequest request) =>
        {
            var raw = await new StreamReader(request.Body).ReadToEndAsync();
            fake._calls.Enqueue(("users.info", request.Headers.Authorization.ToString(), request.ContentType, raw));
            if (!request.HasFormContentType)
            {
                return Results.Json(new { ok = false, error = "invalid_arguments" });
            }

            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(raw);
            var id = form.TryGetValue("user", out var user) ? user.ToString() : "";
            return id.Length == 0
                ? Results.Json(new { ok = false, error = "user_not_found" })
                : Results.Json(new { ok = true, user = new { id, name = "ada", real_name = "Ada Lovelace", is_bot = false, tz = "Europe/London" } });
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
