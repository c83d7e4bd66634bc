using System.Net;

namespace SupportBot.Host.Channels.BotFramework.Outbound;

/// <summary>
/// A Bot Connector call failed for good: the connector answered an error (after any retries), or could not be reached.
/// The message says, in plain words, which operation on which conversation failed, the HTTP status and the connector's
/// <c>{"error":{"code","message"}}</c>; the same parts are available as properties.
/// </summary>
public sealed class ConnectorException : HttpRequestException
{
    public ConnectorException(
        string operation,
        string? conversationId,
        HttpStatusCode? statusCode,
        string? errorCode,
        string? errorMessage,
        int attempts,
        Exception? inner = null)
        : base(Describe(operation, conversationId, statusCode, errorCode, errorMessage, attempts, inner), inner, statusCode)
    {
        Operation = operation;
        ConversationId = conversationId;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Attempts = attempts;
    }

    /// <summary>What was attempted: <c>send</c>, <c>reply</c>, <c>update</c> or <c>create conversation</c>.</summary>
    public string Operation { get; }

    public string? ConversationId { get; }

    /// <summary>The connector's <c>error.code</c>, e.g. <c>ConversationNotFound</c> or <c>Throttled</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The connector's <c>error.message</c> (or the start of a non-JSON body).</summary>
    public string? ErrorMessage { get; }

    /// <summary>How many requests were made, retries included.</summary>
    public int Attempts { get; }

    private static string Describe(string operation, string? conversationId, HttpStatusCode? status, string? code, string? message, int attempts, Exception? inner)
    {
        var target = conversationId is null ? "" : $" in conversation {conversationId}";
        var tries = attempts == 1 ? "" : $" after {attempts} attempts";
        if (status is null)
        {
            return $"The Bot Connector could not be reached to {operation}{target}{tries}: {inner?.Message ?? "no response"}.";
        }

        var words = $"The Bot Connector answered {(int)status.Value} {Phrase(status.Value)} to {operation}{target}{tries}";
        return (code, message) switch
        {
            (null, null) => words + ".",
            (null, _) => $"{words}: {message}",
            (_, null) => $"{words}: {code}.",
            _ => $"{words}: {code}: {message}",
        };
    }

    private static string Phrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.PreconditionFailed => "Precondition Failed",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.RequestEntityTooLarge => "Payload Too Large",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        _ => Enum.IsDefined(status) ? status.ToString() : "",
    };
}
