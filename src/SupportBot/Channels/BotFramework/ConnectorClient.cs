using System.Net.Http.Headers;
using System.Text;
using SupportBot.Activities;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>
/// Calls the Bot Connector REST API at an activity's serviceUrl (section 3 of the protocol): replies
/// and sends. Ids are percent-encoded because Teams ids contain ':', '@' and ';'.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IConnectorTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    public async Task<ResourceResponse?> ReplyToActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var conversationId = reply.Conversation?.Id ?? throw new InvalidOperationException("The reply has no conversation id.");
        var path = reply.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        var url = Join(reply.ServiceUrl ?? throw new InvalidOperationException("The reply has no serviceUrl."), path);

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(ActivityJson.Serialize(reply), Encoding.UTF8, "application/json"),
        };
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LogSendFailed(logger, (int)response.StatusCode, url, body.Length > 500 ? body[..500] : body);
            throw new HttpRequestException($"The Bot Connector answered {(int)response.StatusCode} to a reply in conversation {conversationId}.", null, response.StatusCode);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? null : System.Text.Json.JsonSerializer.Deserialize<ResourceResponse>(text, ActivityJson.Options);
    }

    /// <summary>Joins the serviceUrl and a path with exactly one slash between them.</summary>
    internal static Uri Join(string serviceUrl, string path) => new(serviceUrl.TrimEnd('/') + "/" + path.TrimStart('/'));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector answered {Status} for {Url}: {Body}")]
    private static partial void LogSendFailed(ILogger logger, int status, Uri url, string body);
}

/// <summary>Supplies the bearer token for outbound connector calls; none in anonymous local mode.</summary>
public interface IConnectorTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local development: the playground and test connectors take no token.</summary>
public sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
