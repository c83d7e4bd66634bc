using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Storage;

namespace SupportBot.Host.Channels.WebChat;

/// <summary>The JSON API behind the web chat page at <c>/</c>.</summary>
public static class WebChatEndpoints
{
    private const int MaxMessageBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/chat");
        group.MapPost("/", SendAsync);
        group.MapGet("/{conversationId}/history", HistoryAsync);
        return endpoints;
    }

    private static async Task<IResult> SendAsync(HttpContext httpContext, WebChatAdapter adapter, TimeProvider time, CancellationToken cancellationToken)
    {
        var (message, problem) = await RequestBody.ReadJsonAsync<WebChatMessage>(httpContext.Request, MaxMessageBytes, "a valid chat message", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (message is null || string.IsNullOrWhiteSpace(message.ConversationId) || !IsSafeId(message.ConversationId))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "conversationId is required (letters, digits, '-' and '_', at most 100).");
        }

        if (string.IsNullOrWhiteSpace(message.Text) && message.Value is null && message.Attachments is not { Count: > 0 })
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "Send text, a value or attachments.");
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = message.ClientActivityId ?? Guid.NewGuid().ToString("N"),
            Timestamp = time.GetUtcNow(),
            ChannelId = WebChatAdapter.ChannelId,
            From = new ChannelAccount { Id = message.UserId ?? "web-agent", Name = message.UserName ?? "Agent" },
            Recipient = new ChannelAccount { Id = "supportbot", Name = "SupportBot" },
            Conversation = new ConversationAccount { Id = message.ConversationId, ConversationType = "personal" },
            Text = message.Text,
            Value = message.Value,
            Attachments = message.Attachments?.Select(a => new Attachment { Name = a.Name, ContentType = a.ContentType ?? "application/octet-stream" }).ToList(),
        };
        var result = await adapter.ProcessActivityAsync(activity, cancellationToken);
        return Results.Json(new { replies = result.Replies }, ActivityJson.Options);
    }

    private static async Task<IResult> HistoryAsync(string conversationId, ITranscriptStore transcripts, CancellationToken cancellationToken)
    {
        if (!IsSafeId(conversationId))
        {
            return BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid conversation id.");
        }

        var entries = await transcripts.GetAsync($"{WebChatAdapter.ChannelId}/{conversationId}", cancellationToken);
        return Results.Json(new
        {
            activities = entries.Select(e => new { direction = e.Direction == TranscriptDirection.Inbound ? "in" : "out", activity = e.Activity }),
        }, ActivityJson.Options);
    }

    private static bool IsSafeId(string id) => id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private sealed class WebChatMessage
    {
        public string ConversationId { get; set; } = "";

        public string? ClientActivityId { get; set; }

        public string? UserId { get; set; }

        public string? UserName { get; set; }

        public string? Text { get; set; }

        public JsonNode? Value { get; set; }

        public List<WebChatAttachment>? Attachments { get; set; }
    }

    private sealed class WebChatAttachment
    {
        public string? Name { get; set; }

        public string? ContentType { get; set; }
    }
}
