using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Channels.Slack.SocketMode;

/// <summary>
/// Slack Socket Mode: opens a connection with the app-level token, acknowledges every envelope at once and hands its
/// payload to the same processing as the HTTP endpoints. Reconnects on <c>disconnect</c>, a closed socket or silence
/// (watchdog), with backoff from 1 s doubling to 30 s, reset after a connection that said hello.
/// </summary>
public sealed partial class SlackSocketModeClient(
    IOptions<SlackSocketModeOptions> socketOptions,
    IOptions<SlackOptions> slackOptions,
    IHttpClientFactory httpClientFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    public const int MaxFrameBytes = 1024 * 1024;
    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private int _connections;

    /// <summary>How many times a WebSocket connection has been established (diagnostics, tests).</summary>
    public int Connections => Volatile.Read(ref _connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = socketOptions.Value;
        if (!options.Enabled)
        {
            return;
        }

        var backoff = MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            var outcome = Outcome.Failed;
            try
            {
                outcome = await RunOnceAsync(options, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or WebSocketException or JsonException or InvalidOperationException or OperationCanceledException)
            {
                LogConnectionFailed(logger, ex.GetType().Name, ex.Message);
            }

            if (outcome == Outcome.Stop)
            {
                LogStopped(logger);
                return;
            }

            if (outcome == Outcome.Good)
            {
                backoff = MinBackoff;
                continue;
            }

            LogReconnecting(logger, backoff.TotalSeconds);
            try
            {
                await Task.Delay(backoff, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private enum Outcome
    {
        Failed,
        Good,
        Stop,
    }

    private async Task<Outcome> RunOnceAsync(SlackSocketModeOptions options, CancellationToken stoppingToken)
    {
        var url = await OpenConnectionAsync(options.AppToken!, stoppingToken).ConfigureAwait(false);
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(5);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
        Interlocked.Increment(ref _connections);
        LogConnected(logger, url.Host);

        using var sendLock = new SemaphoreSlim(1, 1);
        var helloSeen = false;
        while (socket.State == WebSocketState.Open)
        {
            string? frame;
            using (var idle = new CancellationTokenSource(options.SocketModeIdleTimeout, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, idle.Token))
            {
                try
                {
                    frame = await ReceiveTextAsync(socket, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    LogIdle(logger, options.SocketModeIdleTimeout.TotalSeconds);
                    socket.Abort();
                    return helloSeen ? Outcome.Good : Outcome.Failed;
                }
            }

            if (frame is null)
            {
                break;
            }

            JsonElement envelope;
            try
            {
                using var document = JsonDocument.Parse(frame);
                envelope = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                LogBadFrame(logger);
                continue;
            }

            if (envelope.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = Str(envelope, "type");
            var envelopeId = Str(envelope, "envelope_id");
            switch (type)
            {
                case "hello":
                    helloSeen = true;
                    continue;
                case "disconnect":
                    var reason = Str(envelope, "reason") ?? "unknown";
                    LogDisconnect(logger, reason);
                    await CloseQuietlyAsync(socket).ConfigureAwait(false);
                    return reason switch
                    {
                        "link_disabled" => Outcome.Stop,
                        "too_many_websockets" => Outcome.Failed,
                        _ => helloSeen ? Outcome.Good : Outcome.Failed,
                    };
            }

            if (envelopeId is null)
            {
                continue;
            }

            var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
            if (type == "slash_commands")
            {
                // The command's immediate answer goes back as the ack's payload; off the read loop (up to ~2.5 s).
                _ = Task.Run(() => AnswerCommandAsync(socket, sendLock, envelopeId, payload, stoppingToken), CancellationToken.None);
                continue;
            }

            await SendAsync(socket, sendLock, new JsonObject { ["envelope_id"] = envelopeId }, stoppingToken).ConfigureAwait(false);
            await DispatchAsync(type, payload, stoppingToken).ConfigureAwait(false);
        }

        return helloSeen ? Outcome.Good : Outcome.Failed;
    }

    private async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(SlackSocketModeExtensions.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slackOptions.Value.ApiBaseUri, "apps.connections.open"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        request.Content = new FormUrlEncodedContent([]);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var root = document.RootElement;
        if (!(root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True))
        {
            throw new InvalidOperationException("apps.connections.open failed: " + (Str(root, "error") ?? "no error given"));
        }

        var url = Str(root, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "wss" && uri.Scheme != "ws"))
        {
            throw new InvalidOperationException("apps.connections.open returned no WebSocket url.");
        }

        return uri;
    }

    private async Task DispatchAsync(string? type, JsonElement payload, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            switch (type)
            {
                case "events_api":
                    SlackEndpoints.AcceptSocketModeEvent(payload, scope.ServiceProvider);
                    break;
                case "interactive":
                    var (status, _) = await SlackEndpoints.ProcessSocketModeInteractionAsync(payload, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
                    if (status >= 400)
                    {
                        LogDispatchFailed(logger, type, "status " + status);
                    }

                    break;
                default:
                    LogDispatchFailed(logger, type ?? "(none)", "unknown envelope type");
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDispatchFailed(logger, type ?? "(none)", ex.Message);
        }
    }

    private async Task AnswerCommandAsync(ClientWebSocket socket, SemaphoreSlim sendLock, string envelopeId, JsonElement payload, CancellationToken cancellationToken)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var (status, body) = await SlackEndpoints.ProcessSocketModeCommandAsync(payload, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
            if (status < 400 && body.Length > 0)
            {
                ack["payload"] = JsonNode.Parse(body);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDispatchFailed(logger, "slash_commands", ex.Message);
        }

        try
        {
            await SendAsync(socket, sendLock, ack, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            LogDispatchFailed(logger, "slash_commands", "ack not sent: " + ex.Message);
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendLock, JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>One whole text message, or null when the socket closed.</summary>
    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket).ConfigureAwait(false);
                return null;
            }

            if (message.Length + result.Count > MaxFrameBytes)
            {
                throw new InvalidOperationException($"A Socket Mode frame is larger than {MaxFrameBytes} bytes.");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s ? s : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected to {Host}")]
    private static partial void LogConnected(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode disconnect requested: {Reason}")]
    private static partial void LogDisconnect(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection failed ({Kind}): {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode reconnecting in {Seconds} s")]
    private static partial void LogReconnecting(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode silent for {Seconds} s; reconnecting")]
    private static partial void LogIdle(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode stopped: the app's Socket Mode link is disabled")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode frame is not JSON; ignored")]
    private static partial void LogBadFrame(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode {Type} envelope not processed: {Reason}")]
    private static partial void LogDispatchFailed(ILogger logger, string type, string reason);
}
