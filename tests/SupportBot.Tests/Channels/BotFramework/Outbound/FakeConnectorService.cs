using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

/// <summary>
/// The Bot Connector REST API on a loopback port, under <c>/_connector/</c>. Records every request (method, raw
/// percent-encoded target, Authorization header, body), answers scripted responses first and the documented
/// success otherwise, refuses the tokens in <see cref="RejectedTokens"/> with 401, and can hold requests.
/// </summary>
internal sealed class FakeConnectorService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedResponse> script = new();
    private readonly ConcurrentQueue<ConnectorRequest> received = new();
    private int sequence;
    private int inProgress;
    private int maxInProgress;

    private FakeConnectorService(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorRequest> Requests => [.. received];

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInProgress);

    /// <summary>Bearer tokens answered with 401 <c>BotNotRegistered</c>.</summary>
    public ConcurrentDictionary<string, bool> RejectedTokens { get; } = new();

    /// <summary>When set, each request waits on the task this returns before it is answered.</summary>
    public Func<ConnectorRequest, Task>? Hold { get; set; }

    public static async Task<FakeConnectorService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeConnectorService(app);
        app.Map("/_connector/{**rest}", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ServiceUrl = address + "/_connector/";
        return fake;
    }

    /// <summary>The next unscripted request gets this status, body and Retry-After instead of the usual success.</summary>
    public void Enqueue(int status, string? body = null, string? retryAfter = null) => script.Enqueue(new ScriptedResponse(status, body, retryAfter));

    public void EnqueueError(int status, string code, string message, string? retryAfter = null) =>
        Enqueue(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), retryAfter);

    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {received.Count} of {count} requests reached the fake connector.");
            }

            await Task.Delay(5);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var authorization = context.Request.Headers.Authorization.ToString();
        var request = new ConnectorRequest(
            Interlocked.Increment(ref sequence), context.Request.Method, raw["/_connector".Length..], authorization.Length == 0 ? null : authorization, body);
        var now = Interlocked.Increment(ref inProgress);
        InterlockedMax(ref maxInProgress, now);
        try
        {
            received.Enqueue(request);
            if (Hold is { } hold)
            {
                await hold(request);
            }

            if (request.BearerToken is { } token && RejectedTokens.ContainsKey(token))
            {
                await WriteAsync(context, 401, new JsonObject { ["error"] = new JsonObject { ["code"] = "BotNotRegistered", ["message"] = "The token was refused." } }.ToJsonString());
                return;
            }

            if (script.TryDequeue(out var scripted))
            {
                if (scripted.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                await WriteAsync(context, scripted.Status, scripted.Body);
                return;
            }

            if (request.Method == "POST" && request.Target == "/v3/conversations")
            {
                var channel = JsonNode.Parse(body)?["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "unknown";
                var activityId = "17000000" + request.Index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, 201, new JsonObject
                {
                    ["id"] = $"{channel};messageid={activityId}",
                    ["activityId"] = activityId,
                    ["serviceUrl"] = ServiceUrl,
                }.ToJsonString());
                return;
            }

            await WriteAsync(context, request.Method == "PUT" ? 200 : 201, new JsonObject { ["id"] = "activity-" + request.Index }.ToJsonString());
        }
        finally
        {
            Interlocked.Decrement(ref inProgress);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed record ScriptedResponse(int Status, string? Body, string? RetryAfter);
}

/// <summary>One request the fake connector received; <see cref="Target"/> is the raw path below the serviceUrl, still percent-encoded.</summary>
internal sealed record ConnectorRequest(int Index, string Method, string Target, string? Authorization, string Body)
{
    public string? BearerToken => Authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;

    public JsonNode Json => JsonNode.Parse(Body)!;
}
