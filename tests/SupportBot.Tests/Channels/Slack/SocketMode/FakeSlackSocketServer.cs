using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Channels.Slack.SocketMode;

/// <summary>
/// Slack on loopback for Socket Mode: <c>apps.connections.open</c> hands out <c>ws://…/socket</c>; each accepted socket
/// is offered to the test as a <see cref="Connection"/>; <c>chat.postMessage</c> is recorded.
/// </summary>
internal sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Connection> _connections = Channel.CreateUnbounded<Connection>();
    private readonly ConcurrentQueue<JsonObject> _posts = new();
    private readonly ConcurrentQueue<string?> _openAuthorizations = new();

    private FakeSlackSocketServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<string?> OpenCalls => [.. _openAuthorizations];

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlackSocketServer(app);
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", (HttpRequest request) =>
        {
            fake._openAuthorizations.Enqueue(request.Headers.Authorization.ToString());
            var ws = "ws" + fake.Url["http".Length..^"/api/".Length] + "/socket";
            return Results.Json(new { ok = true, url = ws });
        });
        app.MapPost("/api/chat.postMessage", async (HttpRequest request) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            fake._posts.Enqueue(body);
            return Results.Json(new { ok = true, channel = body["channel"]?.GetValue<string>(), ts = "1700000000.000001" });
        });
        app.MapPost("/api/chat.update", () => Results.Json(new { ok = true }));
        app.Map("/socket", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new Connection(socket);
            await fake._connections.Writer.WriteAsync(connection);
            await connection.Done.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Url = address + "/api/";
        return fake;
    }

    public async Task<Connection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public async Task<List<JsonObject>> WaitForPostsAsync(string channel, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var posts = _posts.Where(p => p["channel"]?.GetValue<string>() == channel).ToList();
            if (posts.Count > 0)
            {
                return posts;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No chat.postMessage to {channel} reached the fake.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One accepted Socket Mode connection, driven by the test.</summary>
    internal sealed class Connection(WebSocket socket)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(JsonObject frame) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next text frame as JSON, or null when the client closed.</summary>
        public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return (JsonObject)JsonNode.Parse(message.ToArray())!;
                }
            }
        }

        /// <summary>Waits (bounded) until the client closes or drops the socket.</summary>
        public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
        {
            try
            {
                while (await ReceiveAsync(timeout) is not null)
                {
                }

                return true;
            }
            catch (WebSocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
