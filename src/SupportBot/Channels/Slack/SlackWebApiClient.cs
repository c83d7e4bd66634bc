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

/// <summary>A Slack user as <c>users.info</c> describes them.</summary>
public sealed record SlackUser(string Id, string? Name, string? RealName, bool IsBot, string? TimeZone);

/// <summary>The few Slack Web API methods SupportBot calls, over JSON with the bot token.</summary>
public sealed partial class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackWebApiClient> logger)
{
    /// <summary>The longest a 429 Retry-After is honoured; longer waits fail the call instead.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Slack silently truncates <c>text</c> beyond this many characters, so longer text is split.</summary>
    public const int MaxTextLength = 40_000;

    /// <summary>The most blocks one message may carry.</summary>
    public const int MaxBlocks = 50;

    private readonly SlackChannelPacer _pacer = SlackChannelPacer.For(timeProvider);

    /// <summary>
    /// Posts a message; returns its ts (the first one's when it had to be split). Text over <see cref="MaxTextLength"/>
    /// characters goes out as several messages in order, split on a line break where possible; blocks go with the last
    /// text part, 50 to a message, any further groups following with "(continued)" as their text.
    /// </summary>
    public async Task<string?> PostMessageAsync(string channel, string text, string? threadTs = null, JsonArray? blocks = null, CancellationToken cancellationToken = default)
    {
        var parts = SplitText(text, MaxTextLength);
        var blockGroups = SplitBlocks(blocks);
        if (parts.Count == 1 && blockGroups.Count <= 1)
        {
            return await PostOneAsync(channel, text, threadTs, blocks, cancellationToken).ConfigureAwait(false);
        }

        string? first = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var group = i == parts.Count - 1 && blockGroups.Count > 0 ? blockGroups[0] : null;
            var ts = await PostOneAsync(channel, parts[i], threadTs, group, cancellationToken).ConfigureAwait(false);
            first ??= ts;
        }

        for (var i = 1; i < blockGroups.Count; i++)
        {
            var ts = await PostOneAsync(channel, "(continued)", threadTs, blockGroups[i], cancellationToken).ConfigureAwait(false);
            first ??= ts;
        }

        return first;
    }

    private async Task<string?> PostOneAsync(string channel, string text, string? threadTs, JsonArray? blocks, CancellationToken cancellationToken)
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

        using var turn = await _pacer.AcquireAsync(channel, cancellationToken).ConfigureAwait(false);
        var result = await CallAsync("chat.postMessage", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString() : null;
    }

    /// <summary>Posts a message only <paramref name="user"/> sees in <paramref name="channel"/> (<c>chat.postEphemeral</c>); returns its message_ts.</summary>
    public async Task<string?> PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = SplitText(text, MaxTextLength)[0] };
        if (blocks is { Count: > 0 })
        {
            body["blocks"] = SplitBlocks(blocks)[0];
        }

        using var turn = await _pacer.AcquireAsync(channel, cancellationToken).ConfigureAwait(false);
        var result = await CallAsync("chat.postEphemeral", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("message_ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString() : null;
    }

    /// <summary>Opens (or finds) the direct-message channel with <paramref name="userId"/> (<c>conversations.open</c>); returns its id (D…).</summary>
    public async Task<string> OpenConversationAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var body = new JsonObject { ["users"] = userId };
        var result = await CallAsync("conversations.open", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (result.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(id.GetString()))
        {
            return id.GetString()!;
        }

        throw new SlackApiException("conversations.open", "invalid_response", "Slack opened the conversation but did not say its channel id.");
    }

    /// <summary>Looks a user up (<c>users.info</c>, form-encoded as Slack requires).</summary>
    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var result = await CallAsync("users.info", () => new FormUrlEncodedContent([new KeyValuePair<string, string>("user", userId)]), cancellationToken)
            .ConfigureAwait(false);
        if (!result.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            throw new SlackApiException("users.info", "invalid_response", "Slack answered users.info without a user.");
        }

        return new SlackUser(
            Str(user, "id") ?? userId,
            Str(user, "name"),
            Str(user, "real_name") ?? (user.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object ? Str(profile, "real_name") : null),
            user.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True,
            Str(user, "tz"));
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Splits text into parts of at most <paramref name="max"/> characters, at the last line break where there is one in the second half.</summary>
    internal static List<string> SplitText(string text, int max)
    {
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > max)
        {
            var cut = rest[..max].LastIndexOf('\n');
            int take, skip;
            if (cut >= max / 2)
            {
                take = cut;
                skip = cut + 1;
            }
            else
            {
                take = char.IsHighSurrogate(rest[max - 1]) ? max - 1 : max;
                skip = take;
            }

            parts.Add(rest[..take].ToString());
            rest = rest[skip..];
        }

        parts.Add(rest.ToString());
        return parts;
    }

    private static List<JsonArray> SplitBlocks(JsonArray? blocks)
    {
        var groups = new List<JsonArray>();
        if (blocks is not { Count: > 0 })
        {
            return groups;
        }

        if (blocks.Count <= MaxBlocks)
        {
            groups.Add(blocks);
            return groups;
        }

        for (var i = 0; i < blocks.Count; i += MaxBlocks)
        {
            groups.Add([.. blocks.Skip(i).Take(MaxBlocks).Select(b => b?.DeepClone())]);
        }

        return groups;
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

    private Task<JsonElement> CallAsync(string method, string json, CancellationToken cancellationToken) =>
        CallAsync(method, () => new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);

    private async Task<JsonElement> CallAsync(string method, Func<HttpContent> content, CancellationToken cancellationToken)
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
                Content = content(),
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
