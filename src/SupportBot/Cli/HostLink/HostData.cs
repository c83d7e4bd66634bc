using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Host.Endpoints;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>The data of a running host, through its HTTP API with the host's admin token (full access).</summary>
internal sealed class HostData : ISupportBotData
{
    private readonly HttpClient _client;
    private readonly HostLinkInfo _link;

    public HostData(HostLinkInfo link, HttpMessageHandler? handler = null)
    {
        _link = link;
        _client = handler is null ? new HttpClient() : new HttpClient(handler);
        _client.BaseAddress = new Uri(link.Url.TrimEnd('/') + "/");
        _client.Timeout = TimeSpan.FromMinutes(2);
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", link.Token);
    }

    public string Route => $"the running host at {_link.Url} (process {_link.ProcessId}), which holds '{_link.Database}'";

    public async Task<IReadOnlyList<TranscriptSummaryView>> ListAsync(TranscriptQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<string> { "limit=" + query.EffectiveLimit.ToString(CultureInfo.InvariantCulture) };
        if (query.PlaybookId is not null)
        {
            parameters.Add("playbook=" + Uri.EscapeDataString(query.PlaybookId));
        }

        if (query.AgentId is not null)
        {
            parameters.Add("agent=" + Uri.EscapeDataString(query.AgentId));
        }

        var json = await SendAsync(HttpMethod.Get, "api/transcripts?" + string.Join('&', parameters), null, cancellationToken);
        return Parse<List<TranscriptSummaryView>>(json, "the transcript list");
    }

    public Task<string> ExportAsync(long caseId, TranscriptFormat format, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/transcripts/{caseId}/export?format={format.ToString().ToLowerInvariant()}", null, cancellationToken);

    public async Task<long> ImportAsync(string json, string source, CancellationToken cancellationToken)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var answer = await SendAsync(HttpMethod.Post, "api/transcripts/import?source=" + Uri.EscapeDataString(source), body, cancellationToken);
        return Parse<JsonObject>(answer, "the import answer")["id"] is JsonValue id && id.TryGetValue<long>(out var caseId)
            ? caseId
            : throw new CliException($"The host at {_link.Url} answered the import without a case id: {answer}");
    }

    public async Task DeleteCaseAsync(long caseId, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, $"api/transcripts/{caseId}", null, cancellationToken);

    public async Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, "api/conversations/" + Uri.EscapeDataString(conversationKey), null, cancellationToken);

    public async Task<DispositionReport> DispositionReportAsync(CancellationToken cancellationToken) =>
        Parse<DispositionReport>(await SendAsync(HttpMethod.Get, "api/reports/dispositions", null, cancellationToken), "the disposition report");

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends the request; any answer but 2xx becomes a <see cref="CliException"/> carrying the host's own message.</summary>
    private async Task<string> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"The running host at {_link.Url} (process {_link.ProcessId}) did not answer: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"The running host at {_link.Url} did not answer within {_client.Timeout.TotalSeconds:0} seconds.");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            throw new CliException(response.StatusCode switch
            {
                HttpStatusCode.NotFound when ErrorOf(text) is null =>
                    $"The host at {_link.Url} has no {method} /{path.Split('?')[0]}; it may be an older SupportBot.",
                HttpStatusCode.Unauthorized =>
                    $"The host at {_link.Url} refused the admin token from its link file; the link may belong to an earlier run. ({ErrorOf(text) ?? "401"})",
                _ => ErrorOf(text) ?? $"The host at {_link.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.",
            });
        }
    }

    /// <summary>The message of a problem response (<c>{"error": "..."}</c>), or null when the body is not one.</summary>
    private static string? ErrorOf(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem && problem["error"] is JsonValue error && error.TryGetValue<string>(out var message)
                ? message
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private T Parse<T>(string json, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ActivityJson.Options)
                ?? throw new CliException($"The host at {_link.Url} sent JSON null for {what}.");
        }
        catch (JsonException e)
        {
            throw new CliException($"The host at {_link.Url} sent {what} in a form this command cannot read: {e.Message}");
        }
    }
}
