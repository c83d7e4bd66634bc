using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.Teams.Cards;

namespace SupportBot.Host.Channels.Teams;

/// <summary>
/// <c>register this channel as &lt;role&gt;</c>, sent (with the bot's mention) in a Teams channel by a member of that
/// route or an <c>Escalations:Admins</c> entry: stores the channel as an extra destination of the route in
/// <see cref="TeamsRouteRegistry"/>. Handled by the messaging endpoint before the turn, so it never reaches the triage
/// dialogs; the answer is a reply in the channel.
/// </summary>
public static partial class TeamsRegisterCommand
{
    /// <summary>The role named in the command, or null when the text is not the command.</summary>
    public static string? ParseRole(string? text) =>
        text is not null && Command().Match(text) is { Success: true } match ? match.Groups["role"].Value : null;

    /// <summary>
    /// When <paramref name="activity"/> is the command in Teams, answers it and returns true; otherwise returns false and
    /// the activity goes on to the bot. Expects the bot's mention to have been removed already.
    /// </summary>
    public static async Task<bool> TryHandleAsync(Activity activity, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(services);
        if (activity.Type != ActivityTypes.Message
            || !string.Equals(activity.ChannelId, TeamsActivityConverter.ChannelId, StringComparison.Ordinal)
            || ParseRole(activity.Text) is not { } role
            || services.GetService<TeamsRouteRegistry>() is not { } registry
            || services.GetService<EscalationService>() is not { } escalations)
        {
            return false;
        }

        var answer = await AnswerAsync(
            activity, role, escalations,
            services.GetRequiredService<IOptions<EscalationOptions>>().Value,
            services.GetService<IOptions<TeamsRegistrationOptions>>()?.Value ?? new TeamsRegistrationOptions(),
            registry,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsRegisterCommand)),
            cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<ConnectorClient>().ReplyToActivityAsync(activity.CreateReply(answer), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Checks where and by whom the command was sent, registers the channel when allowed, and returns the answer.</summary>
    internal static async Task<string> AnswerAsync(
        Activity activity,
        string role,
        EscalationService escalations,
        EscalationOptions routes,
        TeamsRegistrationOptions registration,
        TeamsRouteRegistry registry,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var channelId = StringOf(activity.ChannelData?["channel"]?["id"]);
        if (!string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase) || channelId is null)
        {
            return "I can only register a Teams channel: send **register this channel as <role>** in the channel itself, mentioning me.";
        }

        // Route names are matched without regard to case, then used as configured.
        var route = routes.Routes.Keys.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (route is null)
        {
            var known = routes.Routes.Keys.Order(StringComparer.Ordinal).ToList();
            return known.Count == 0
                ? $"There is no route called **{role}**, and no routes are configured. Nothing was changed."
                : $"There is no route called **{role}**. The routes are: {string.Join(", ", known)}. Nothing was changed.";
        }

        var from = activity.From;
        var ids = new[] { from?.Id, from?.AadObjectId }.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToList();
        var allowed = ids.Any(id => escalations.MayAct(route, id) || registration.Admins.Contains(id, StringComparer.OrdinalIgnoreCase));
        if (!allowed)
        {
            LogRefused(logger, from?.Id ?? "unknown", channelId, route);
            return $"Sorry, only members of the **{route}** route (or a SupportBot admin) can register a channel for it. Nothing was changed.";
        }

        var destination = TeamsChannelOutbox.DestinationPrefix + channelId;
        if (routes.Routes[route] is { } configured
            && (configured.Destinations.Contains(destination, StringComparer.Ordinal) || configured.OffHours?.Destinations.Contains(destination, StringComparer.Ordinal) == true))
        {
            return $"This channel already receives **{route}** escalations: it is in the configuration.";
        }

        var channel = new RegisteredChannel(
            channelId,
            activity.ServiceUrl,
            activity.Conversation?.TenantId ?? StringOf(activity.ChannelData?["tenant"]?["id"]),
            StringOf(activity.ChannelData?["team"]?["id"]),
            from?.Id ?? "unknown",
            time.GetUtcNow());
        if (!await registry.RegisterAsync(route, channel, cancellationToken).ConfigureAwait(false))
        {
            return $"This channel is already registered for **{route}** escalations.";
        }

        LogRegistered(logger, channelId, route, channel.RegisteredBy);
        return $"Done: this channel is now registered for **{route}** escalations.";
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"^\s*register\s+this\s+channel\s+as\s+(?:the\s+)?(?<role>[A-Za-z0-9][A-Za-z0-9._-]*?)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Command();

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams channel {ChannelId} registered for route {Route} by {User}")]
    private static partial void LogRegistered(ILogger logger, string channelId, string route, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to register Teams channel {ChannelId} for route {Route}: {User} is not a member of it or an admin")]
    private static partial void LogRefused(ILogger logger, string user, string channelId, string route);
}
