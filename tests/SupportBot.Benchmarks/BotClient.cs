using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace SupportBot.Benchmarks;

internal enum PostKind
{
    /// <summary>The bot answered 2xx: the turn was processed and persisted.</summary>
    Success,

    /// <summary>Non-2xx answer, transport failure, or no answer within the POST timeout.</summary>
    Failed,

    /// <summary>The run was stopped while the POST was in flight; neither success nor error.</summary>
    Cancelled,
}

/// <summary>How a POST of one activity to the bot ended.</summary>
internal readonly record struct PostResult(PostKind Kind, int StatusCode, string? Error, long Timestamp)
{
    public bool Answered => StatusCode > 0;
}

/// <summary>Who is talking in one benchmark conversation, and the source of its activity ids.</summary>
internal sealed class ConversationIdentity(string conversationId, string agentId, string agentName)
{
    private int sequence;

    public string ConversationId { get; } = conversationId;

    public string AgentId { get; } = agentId;

    public string AgentName { get; } = agentName;

    /// <summary>A run-unique activity id; one conversation is only ever driven by one loop at a time.</summary>
    public string NextActivityId() =>
        ConversationId + "-a" + (++sequence).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Sends activities to the bot's <c>/api/messages</c> endpoint.</summary>
internal sealed class BotClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient http;

    public BotClient(Uri messagesUri, string serviceUrl)
    {
        MessagesUri = messagesUri;
        ServiceUrl = serviceUrl;
        http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri MessagesUri { get; }

    public string ServiceUrl { get; }

    public OutboundActivity CreateMessage(ConversationIdentity conversation, string activityId, string text) => new(
        Type: "message",
        Id: activityId,
        ChannelId: "emulator",
        ServiceUrl: ServiceUrl,
        From: new WireAccount(conversation.AgentId, conversation.AgentName),
        Recipient: new WireAccount("supportbot", "SupportBot"),
        Conversation: new WireConversation(conversation.ConversationId),
        Text: text,
        Locale: "en-US",
        Timestamp: DateTimeOffset.UtcNow);

    /// <summary>POSTs the activity; never throws (except for programming errors).</summary>
    public async Task<PostResult> PostAsync(OutboundActivity activity, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, WireJson.Default.OutboundActivity);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri) { Content = content };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var now = Stopwatch.GetTimestamp();
            var status = (int)response.StatusCode;
            return status is >= 200 and <= 299
                ? new PostResult(PostKind.Success, status, null, now)
                : new PostResult(PostKind.Failed, status, "HTTP " + status.ToString(CultureInfo.InvariantCulture), now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new PostResult(PostKind.Cancelled, 0, null, Stopwatch.GetTimestamp());
        }
        catch (OperationCanceledException)
        {
            return new PostResult(PostKind.Failed, 0, "no HTTP response", Stopwatch.GetTimestamp());
        }
        catch (HttpRequestException e)
        {
            return new PostResult(PostKind.Failed, 0, Describe(e), Stopwatch.GetTimestamp());
        }
    }

    public void Dispose() => http.Dispose();

    private static string Describe(HttpRequestException e)
    {
        if (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return "connection refused";
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connection error",
            HttpRequestError.ResponseEnded => "connection closed before the response",
            HttpRequestError.Unknown => "transport error",
            var other => "transport error: " + other,
        };
    }
}
