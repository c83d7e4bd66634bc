using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SupportBot.Escalations;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// <c>POST /slack/interactions</c>: button clicks (<c>block_actions</c>), form-encoded as one <c>payload</c> field.
/// Verified on the raw body, acknowledged with an empty 200 at once, then processed:
/// <list type="bullet">
/// <item>A SupportBot prompt button (<c>action_id</c> <c>supportbot_choice_{n}</c>, <c>value</c> = the choice) becomes a
/// message turn from the clicking user in the conversation the prompt belongs to, queued on the same lane as events.</item>
/// <item>An escalation button (<c>action_id</c> <c>escalation:{id}:{LeadAction}</c>, e.g. <c>escalation:42:Acknowledge</c>,
/// <c>value</c> = the id) applies the lead action as the clicking user and posts the outcome in the card's thread (or DM).</item>
/// </list>
/// </summary>
public static partial class SlackEndpoints
{
    public const string InteractionsPath = "/slack/interactions";

    /// <summary>The <c>action_id</c> prefix of the buttons SupportBot puts under its prompts.</summary>
    public const string ChoiceActionPrefix = "supportbot_choice_";

    /// <summary>The <c>action_id</c> prefix of escalation card buttons: <c>escalation:{id}:{LeadAction}</c>.</summary>
    public const string EscalationActionPrefix = "escalation:";

    /// <summary>The <c>action_id</c> for an escalation card button; its <c>value</c> should be the id.</summary>
    public static string EscalationActionId(long id, LeadAction action) =>
        EscalationActionPrefix + id.ToString(CultureInfo.InvariantCulture) + ":" + action;

    /// <summary>Parses <c>escalation:{id}:{LeadAction}</c>; false for anything else.</summary>
    public static bool TryParseEscalationActionId(string? actionId, out long id, out LeadAction action)
    {
        id = 0;
        action = default;
        if (actionId is null || !actionId.StartsWith(EscalationActionPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = actionId[EscalationActionPrefix.Length..].Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0
            && parts[1].Length > 0 && parts[1].All(char.IsAsciiLetter)
            && Enum.TryParse(parts[1], ignoreCase: true, out action) && Enum.IsDefined(action);
    }

    public static async Task HandleInteractionsAsync(HttpContext httpContext)
    {
        var result = await ProcessInteractionsAsync(httpContext).ConfigureAwait(false);
        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
    }

    private static async Task<IResult> ProcessInteractionsAsync(HttpContext httpContext)
    {
        var (form, refused) = await ReadSignedFormAsync(httpContext).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        if (!form!.TryGetValue("payload", out var raw) || StringValues.IsNullOrEmpty(raw))
        {
            return Problem(StatusCodes.Status400BadRequest, "The form has no payload.");
        }

        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(raw.ToString());
            payload = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The payload is not valid JSON: " + ex.Message);
        }

        var services = httpContext.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        var type = payload.ValueKind == JsonValueKind.Object ? Str(payload, "type") : null;
        if (type != "block_actions")
        {
            LogIgnored(logger, "-", "interaction type " + (type ?? "(none)"));
            return Results.Ok();
        }

        var click = SlackClick.TryParse(payload);
        if (click is null)
        {
            LogIgnored(logger, "-", "block_actions without user, channel or actions");
            return Results.Ok();
        }

        var dedupe = services.GetRequiredService<SlackDeduplicator>();
        foreach (var action in click.Actions)
        {
            var key = $"action:{click.Channel}:{click.MessageTs}:{action.ActionId}:{action.ActionTs}:{click.User}";
            if (!dedupe.TryAdd(key))
            {
                continue;
            }

            if (TryParseEscalationActionId(action.ActionId, out var id, out var leadAction))
            {
                RunAfterAck(services, logger, "escalation " + action.ActionId, (provider, ct) => ActOnEscalationAsync(provider, click, id, leadAction, ct));
            }
            else if (action.ActionId.StartsWith(ChoiceActionPrefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(action.Value))
            {
                var message = new SlackInboundEvent(
                    "action:" + action.ActionTs, click.TeamId, click.Channel, click.User, action.Value, action.ActionTs,
                    click.ThreadTs, click.Channel.StartsWith('D'), null);
                if (!services.GetRequiredService<SlackEventQueue>().TryEnqueue(message))
                {
                    dedupe.Remove(key);
                    return Problem(StatusCodes.Status503ServiceUnavailable, "SupportBot is busy; please click again in a moment.");
                }
            }
            else
            {
                LogIgnored(logger, action.ActionId, "not a SupportBot button");
            }
        }

        return Results.Ok();
    }

    private static async Task ActOnEscalationAsync(IServiceProvider services, SlackClick click, long id, LeadAction action, CancellationToken cancellationToken)
    {
        var escalations = services.GetRequiredService<EscalationService>();
        var outcome = await escalations.ActAsync(id, action, click.User, text: null, cancellationToken).ConfigureAwait(false);
        var text = outcome.Message;
        if (!outcome.Succeeded && action is LeadAction.NeedMoreInfo or LeadAction.ReturnToAgent
            && outcome.Escalation is { } escalation && escalations.MayAct(escalation.Route, click.User))
        {
            text += action == LeadAction.NeedMoreInfo
                ? $"\nMessage SupportBot with: ask {id} <question>"
                : $"\nMessage SupportBot with: return {id} <reason>";
        }

        // In a channel the answer goes in the card's thread; in a DM next to the card unless that is in a thread.
        var threadTs = click.ThreadTs ?? (click.Channel.StartsWith('D') ? null : click.MessageTs);
        await services.GetRequiredService<SlackWebApiClient>()
            .PostMessageAsync(click.Channel, SlackAdapter.Escape(text), threadTs, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs work after Slack has its acknowledgement, in its own scope, until the host stops.</summary>
    private static void RunAfterAck(IServiceProvider requestServices, ILogger logger, string what, Func<IServiceProvider, CancellationToken, Task> work)
    {
        var scopes = requestServices.GetRequiredService<IServiceScopeFactory>();
        var stopping = requestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogInteractionFailed(logger, ex, what, ex.Message);
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Reads the raw body, checks Slack's signature over it and parses it as a form. Returns the form, or the response
    /// to give instead (404 when Slack is not configured, 413, 401).
    /// </summary>
    private static async Task<(Dictionary<string, StringValues>? Form, IResult? Refused)> ReadSignedFormAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var options = services.GetService<IOptions<SlackOptions>>()?.Value;
        if (options is not { Enabled: true })
        {
            return (null, Problem(StatusCodes.Status404NotFound, "Slack is not configured: Slack:SigningSecret is not set."));
        }

        var request = httpContext.Request;
        var body = await ReadBodyAsync(request, httpContext.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than the {MaxBodyBytes} bytes allowed."));
        }

        var refused = services.GetRequiredService<SlackSignatureVerifier>().Verify(
            options.SigningSecret,
            request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(),
            body);
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (refused is not null)
        {
            // Slack's unsigned certificate check on command URLs of distributed apps: answer, do nothing.
            return form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1" && !form.ContainsKey("command")
                ? (null, Results.Ok())
                : (null, Problem(StatusCodes.Status401Unauthorized, refused));
        }

        return (form, null);
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s ? s : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack interaction {What} failed: {Reason}")]
    private static partial void LogInteractionFailed(ILogger logger, Exception exception, string what, string reason);

    /// <summary>The parts of a <c>block_actions</c> payload SupportBot uses.</summary>
    private sealed record SlackClick(string? TeamId, string User, string Channel, string? MessageTs, string? ThreadTs, IReadOnlyList<SlackClickAction> Actions)
    {
        public static SlackClick? TryParse(JsonElement payload)
        {
            var user = payload.TryGetProperty("user", out var u) ? Str(u, "id") : null;
            var container = payload.TryGetProperty("container", out var c) ? c : default;
            var message = payload.TryGetProperty("message", out var m) ? m : default;
            var channel = Str(container, "channel_id") ?? (payload.TryGetProperty("channel", out var ch) ? Str(ch, "id") : null);
            if (user is null || channel is null || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<SlackClickAction>();
            foreach (var action in actions.EnumerateArray())
            {
                if (Str(action, "action_id") is { } actionId)
                {
                    list.Add(new SlackClickAction(actionId, Str(action, "value"), Str(action, "action_ts") ?? Guid.NewGuid().ToString("N")));
                }
            }

            if (list.Count == 0)
            {
                return null;
            }

            var teamId = (payload.TryGetProperty("team", out var t) ? Str(t, "id") : null) ?? (payload.TryGetProperty("user", out var u2) ? Str(u2, "team_id") : null);
            var messageTs = Str(container, "message_ts") ?? Str(message, "ts");
            var threadTs = Str(message, "thread_ts") ?? Str(container, "thread_ts");
            return new SlackClick(teamId, user, channel, messageTs, threadTs, list);
        }
    }

    private sealed record SlackClickAction(string ActionId, string? Value, string ActionTs);
}
