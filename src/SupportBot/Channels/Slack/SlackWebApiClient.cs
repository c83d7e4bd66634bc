using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Channels.Slack;

/// <summary>A failed Slack Web API call; <see cref="Error"/> is Slack's code, the message says what to do in plain words.</summary>
public sealed class SlackApiException(string method, string error, string message) : Exception(message)
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}

/// <summary>The few Slack Web API methods SupportBot calls, over JSON with the bot token.</summary>
public sealed partial class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackWebApiClient> logger)
{
    /// <summary>The longest a 429 Retry-After is honoured; longer waits fail the call instead.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Posts a message; returns its ts.</summary>
    public async Task<string?> PostMessageAsync(string channel, string text, string? threadTs = null, JsonArray? blocks = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs; // always a string: a number posts outside the thread
        }

        if (blocks is { Count: > 0 })
        {
            body["blocks"] = blocks;
        }

        var result = await CallAsync("chat.postMessage", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString() : null;
    }

    /// <summary>Replaces the text and blocks of a message the bot posted earlier (<c>chat.update</c>); returns its ts.</summary>
    public async Task<string?> UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text }; // ts stays a string
        if (blocks is { Count: > 0 })
        {
            body["blocks"] = blocks;
        }

        var result = await CallAsync("chat.update", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("ts", out var updated) && updated.ValueKind == JsonValueKind.String ? updated.GetString() : ts;
    }

    private async Task<JsonElement> CallAsync(string method, string json, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            throw new SlackApiException(method, "not_authed", "Slack:BotToken is not set, so SupportBot cannot post to Slack.");
        }

        var uri = new Uri(settings.ApiBaseUri, method);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.BotToken);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response);
                if (attempt > 1 || wait > MaxRetryAfter)
                {
                    throw new SlackApiException(method, "ratelimited",
                        $"Slack is rate-limiting {method} (asked to wait {wait.TotalSeconds:0} s); the message was not sent.");
                }

                LogRateLimited(logger, method, wait.TotalSeconds);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(method, "http_" + (int)response.StatusCode,
                    $"Slack answered {method} with HTTP {(int)response.StatusCode}; the message may not have been sent.");
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new SlackApiException(method, "invalid_response", $"Slack answered {method} with something that is not JSON.");
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return root;
            }

            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()! : "unknown_error";
            throw new SlackApiException(method, error, Describe(method, error));
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return TimeSpan.FromSeconds(1); // no usable header: a short back-off, then one retry
    }

    internal static string Describe(string method, string error) => error switch
    {
        "not_in_channel" => $"Slack refused {method} (not_in_channel): invite the bot to that channel.",
        "channel_not_found" => $"Slack refused {method} (channel_not_found): the channel does not exist, or it is private and the bot is not in it.",
        "is_archived" => $"Slack refused {method} (is_archived): the channel is archived.",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            $"Slack refused {method} ({error}): Slack:BotToken is wrong, revoked or expired; set a valid bot token (xoxb-...).",
        "missing_scope" => $"Slack refused {method} (missing_scope): add the needed scope (chat:write) to the Slack app and reinstall it.",
        "msg_too_long" or "no_text" or "invalid_blocks" or "invalid_blocks_format" =>
            $"Slack refused {method} ({error}): the message SupportBot built is not valid for Slack.",
        "ratelimited" or "rate_limited" => $"Slack refused {method} ({error}): too many messages; slow down.",
        _ => $"Slack refused {method} ({error}).",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; retrying once after {Seconds} s")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds);
}
