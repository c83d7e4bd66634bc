using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using SupportBot.Escalations;
using SupportBot.Playbooks;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// <c>POST /slack/commands</c>: slash commands, form-encoded. Verified on the raw body and answered within Slack's
/// 3 seconds with an ephemeral JSON message: <c>/supportbot help</c>, <c>/escalations</c>, <c>/triage [playbook id or
/// what happened]</c> (also as <c>/supportbot escalations</c> and <c>/supportbot triage …</c>). <c>/triage</c> is
/// acknowledged at once and then runs as a message turn in the channel the command was typed in, on the events' queue.
/// </summary>
public static partial class SlackEndpoints
{
    public const string CommandsPath = "/slack/commands";

    /// <summary>How long a command may take before it is answered with an apology instead (Slack allows 3 s).</summary>
    public static readonly TimeSpan CommandBudget = TimeSpan.FromMilliseconds(2500);

    public const string CommandsHelp =
        "*SupportBot commands*\n" +
        "• `/supportbot help`: this help\n" +
        "• `/escalations`: the open escalations on your routes\n" +
        "• `/triage [playbook id or what happened]`: start a triage here, e.g. `/triage battery-belt-damage` or `/triage cust says the belt melted`\n" +
        "In a DM with SupportBot you can also type `help`, `playbooks`, `cancel`, `my escalations` or `ack 42`.";

    public static async Task HandleCommandsAsync(HttpContext httpContext)
    {
        var result = await ProcessCommandsAsync(httpContext).ConfigureAwait(false);
        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
    }

    private static async Task<IResult> ProcessCommandsAsync(HttpContext httpContext)
    {
        var (form, refused) = await ReadSignedFormAsync(httpContext).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var command = Field(form!, "command")?.ToLowerInvariant() ?? "";
        var text = Field(form!, "text")?.Trim() ?? "";
        var user = Field(form!, "user_id");
        var channel = Field(form!, "channel_id");
        if (user is null || channel is null)
        {
            return Ephemeral("That command arrived without a user or channel, so SupportBot can't answer it.");
        }

        // "/supportbot escalations" and "/supportbot triage x" are the same as "/escalations" and "/triage x".
        if (command == "/supportbot")
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var sub = (space < 0 ? text : text[..space]).ToLowerInvariant();
            if (sub is "escalations" or "triage")
            {
                command = "/" + sub;
                text = space < 0 ? "" : text[(space + 1)..].Trim();
            }
            else if (sub is "" or "help")
            {
                return Ephemeral(CommandsHelp);
            }
            else
            {
                return Ephemeral($"Unknown command `/supportbot {SlackAdapter.Escape(text)}`.\n{CommandsHelp}");
            }
        }

        var services = httpContext.RequestServices;
        try
        {
            switch (command)
            {
                case "/escalations":
                    var mine = await services.GetRequiredService<EscalationService>().ForMemberAsync(user, httpContext.RequestAborted)
                        .WaitAsync(CommandBudget, httpContext.RequestAborted).ConfigureAwait(false);
                    return Ephemeral(SlackAdapter.Escape(mine.Count == 0
                        ? "You have no open escalations."
                        : "Your open escalations:\n" + string.Join("\n", mine.Select(e =>
                            $"- #{e.Id} {e.Category} ({e.Urgency}, {EscalationService.Describe(e.Status)}, with {e.Assignee ?? "nobody"})"))));
                case "/triage":
                    return StartTriage(services, form!, user, channel, text);
                default:
                    return Ephemeral($"Unknown command `{SlackAdapter.Escape(command)}`.\n{CommandsHelp}");
            }
        }
        catch (TimeoutException)
        {
            return Ephemeral("SupportBot is slow to answer right now; please try again in a moment.");
        }
    }

    private static IResult StartTriage(IServiceProvider services, Dictionary<string, StringValues> form, string user, string channel, string text)
    {
        if (text.Length == 0)
        {
            var ids = services.GetRequiredService<PlaybookCatalog>().Playbooks.Select(p => "`" + p.Id + "`");
            return Ephemeral("Tell me what happened or which playbook to run, e.g. `/triage battery-belt-damage`.\nPlaybooks: " + string.Join(", ", ids));
        }

        var playbook = PlaybookId().IsMatch(text) ? services.GetRequiredService<PlaybookCatalog>().Find(text.ToLowerInvariant()) : null;
        var id = Field(form, "trigger_id") ?? Guid.NewGuid().ToString("N");
        var message = new SlackInboundEvent(
            "command:" + id, Field(form, "team_id"), channel, user, playbook is null ? text : "triage " + playbook.Id, id,
            ThreadTs: null, IsDirectMessage: channel.StartsWith('D'), BotUserId: null);
        if (!services.GetRequiredService<SlackEventQueue>().TryEnqueue(message))
        {
            return Ephemeral("SupportBot is busy right now; please try again in a moment.");
        }

        return Ephemeral(playbook is null
            ? "Starting a triage for: " + SlackAdapter.Escape(text)
            : $"Starting *{SlackAdapter.Escape(playbook.Title)}*…");
    }

    private static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } s ? s : null;

    private static IResult Ephemeral(string text) => Results.Json(new { response_type = "ephemeral", text });

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex PlaybookId();
}
