using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SupportBot.Benchmarks;

/// <summary>
/// A fake Bot Framework connector hosted on 127.0.0.1 (random free port). The bot posts each reply to
/// <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>; the connector records the
/// arrival time against the in-flight turn whose activity id is the reply's <c>replyToId</c> and answers
/// <c>201 {"id":"..."}</c> like the real one.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    public const string BasePath = "/_connector";

    private const string ActivitiesRoute = BasePath + "/v3/conversations/{conversationId}/activities";

    private readonly ConcurrentDictionary<string, PendingTurn> pending = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private long messageReplies;
    private long unmatchedReplies;
    private long nonMessageActivities;
    private long updates;
    private long malformed;
    private long protocolMismatches;
    private long unexpectedRequests;
    private long nextResourceId;

    private readonly Tracer? tracer;

    private FakeConnector(WebApplication app, Tracer? tracer)
    {
        this.app = app;
        this.tracer = tracer;
    }

    /// <summary>The serviceUrl to put on every activity sent to the bot.</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<FakeConnector> StartAsync(Tracer? tracer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(FakeConnector).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SilentLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        var app = builder.Build();
        var connector = new FakeConnector(app, tracer);
        app.MapPost(ActivitiesRoute + "/{activityId}", connector.OnActivityAsync);
        app.MapPost(ActivitiesRoute, connector.OnActivityAsync);
        app.MapPut(ActivitiesRoute + "/{activityId}", connector.OnUpdateAsync);
        app.MapFallback(connector.OnUnexpected);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.FirstOrDefault()
            ?? throw new InvalidOperationException("The fake connector did not report a listening address.");
        connector.ServiceUrl = address.TrimEnd('/') + BasePath;
        return connector;
    }

    /// <summary>Starts tracking replies to <paramref name="activityId"/>.</summary>
    public PendingTurn Register(string activityId)
    {
        var turn = new PendingTurn(activityId);
        if (!pending.TryAdd(activityId, turn))
        {
            throw new InvalidOperationException($"Activity id '{activityId}' is already in flight.");
        }

        return turn;
    }

    /// <summary>Stops tracking a turn; later replies to it count as unmatched.</summary>
    public void Forget(PendingTurn turn) => pending.TryRemove(new KeyValuePair<string, PendingTurn>(turn.ActivityId, turn));

    public ConnectorCounters Snapshot() => new(
        Interlocked.Read(ref messageReplies),
        Interlocked.Read(ref unmatchedReplies),
        Interlocked.Read(ref nonMessageActivities),
        Interlocked.Read(ref updates),
        Interlocked.Read(ref malformed),
        Interlocked.Read(ref protocolMismatches),
        Interlocked.Read(ref unexpectedRequests));

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await app.StopAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutting down anyway.
            }
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task OnActivityAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var routeActivityId = context.Request.RouteValues["activityId"] as string;
        var routeConversationId = context.Request.RouteValues["conversationId"] as string;

        string? type;
        string? replyToId;
        string? conversationId;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }

            type = GetString(root, "type");
            replyToId = GetString(root, "replyToId");
            conversationId = root.TryGetProperty("conversation", out var conversation) && conversation.ValueKind == JsonValueKind.Object
                ? GetString(conversation, "id")
                : null;
            if (tracer is { Enabled: true })
            {
                tracer.Write($"<- {type}", replyToId ?? routeActivityId, GetString(root, "text"));
            }
        }
        catch (JsonException)
        {
            Interlocked.Increment(ref malformed);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The route and the body must agree (the ids are percent-encoded in the path).
        if ((routeActivityId is not null && replyToId is not null && routeActivityId != replyToId)
            || (conversationId is not null && routeConversationId != conversationId))
        {
            Interlocked.Increment(ref protocolMismatches);
        }

        replyToId ??= routeActivityId;

        if (type is null || string.Equals(type, "message", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref messageReplies);
            if (replyToId is not null && pending.TryGetValue(replyToId, out var turn))
            {
                turn.OnReply(arrived);
            }
            else
            {
                Interlocked.Increment(ref unmatchedReplies);
            }
        }
        else
        {
            // typing, event, endOfConversation...: not a reply the agent reads, so not a completed turn.
            Interlocked.Increment(ref nonMessageActivities);
        }

        await WriteResourceResponseAsync(context, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private async Task OnUpdateAsync(HttpContext context)
    {
        Interlocked.Increment(ref updates);
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        await WriteResourceResponseAsync(context, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private Task OnUnexpected(HttpContext context)
    {
        Interlocked.Increment(ref unexpectedRequests);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private Task WriteResourceResponseAsync(HttpContext context, int status)
    {
        var id = Interlocked.Increment(ref nextResourceId);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync("{\"id\":\"bench-reply-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}", context.RequestAborted);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Keeps the generic host from hooking Ctrl+C/SIGTERM; the benchmark handles those itself.</summary>
    private sealed class SilentLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Counters of everything the fake connector received.</summary>
internal readonly record struct ConnectorCounters(
    long MessageReplies,
    long UnmatchedReplies,
    long NonMessageActivities,
    long Updates,
    long Malformed,
    long ProtocolMismatches,
    long UnexpectedRequests);

/// <summary>One in-flight activity: completes on the first reply, remembers the last.</summary>
internal sealed class PendingTurn(string activityId)
{
    private readonly TaskCompletionSource<long> firstReply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int replies;
    private long lastReplyTimestamp;

    public string ActivityId { get; } = activityId;

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp at which the first reply arrived.</summary>
    public Task<long> FirstReply => firstReply.Task;

    public int Replies => Volatile.Read(ref replies);

    /// <summary>The <see cref="Stopwatch"/> timestamp of the latest reply so far, or 0.</summary>
    public long LastReplyTimestamp => Interlocked.Read(ref lastReplyTimestamp);

    public void OnReply(long timestamp)
    {
        Interlocked.Increment(ref replies);
        long current;
        do
        {
            current = Interlocked.Read(ref lastReplyTimestamp);
            if (timestamp <= current)
            {
                break;
            }
        }
        while (Interlocked.CompareExchange(ref lastReplyTimestamp, timestamp, current) != current);

        firstReply.TrySetResult(timestamp);
    }
}
