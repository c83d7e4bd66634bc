namespace SupportBot.Host.Channels.Slack.SocketMode;

/// <summary>
/// Socket Mode settings, bound from the <c>Slack</c> section next to <see cref="SlackOptions"/>. Socket Mode runs only
/// when <c>Slack:UseSocketMode</c> is true and <c>Slack:AppToken</c> (xapp-...) is set.
/// </summary>
public sealed class SlackSocketModeOptions
{
    /// <summary><c>Slack:AppToken</c>: the app-level token (scope <c>connections:write</c>) for <c>apps.connections.open</c>.</summary>
    public string? AppToken { get; set; }

    /// <summary><c>Slack:UseSocketMode</c>: receive events over a WebSocket instead of (or besides) the HTTP endpoints.</summary>
    public bool UseSocketMode { get; set; }

    /// <summary>
    /// <c>Slack:SocketModeIdleTimeout</c>: reconnect when no envelope arrives for this long. A dead socket is
    /// found sooner by the WebSocket keep-alive (ping every 5 s, 10 s to answer); this catches a socket that
    /// stays open but silently stops delivering, without reconnecting every minute in a quiet workspace.
    /// </summary>
    public TimeSpan SocketModeIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public bool Enabled => UseSocketMode && !string.IsNullOrWhiteSpace(AppToken);
}
