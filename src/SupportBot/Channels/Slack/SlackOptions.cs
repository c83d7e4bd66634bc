using System.Net;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// The Slack channel (section <c>Slack</c>). Slack is switched on by setting <c>Slack:SigningSecret</c>;
/// <c>Slack:BotToken</c> (xoxb-...) is then required to post replies.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary><c>Slack:SigningSecret</c>: verifies that requests to <c>/slack/events</c> come from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>Slack:BotToken</c>: the bot user's OAuth token, sent as <c>Authorization: Bearer</c> to the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary><c>Slack:ApiBaseUrl</c>: where Web API methods live; https, or http on a loopback address (tests).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>The base URL with a trailing slash so method names resolve beneath it.</summary>
    internal Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);
}

/// <summary>Start-up checks for <see cref="SlackOptions"/>; each failure names the setting to fix.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && IsLoopback(api))))
        {
            failures.Add($"Slack:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute https URL (http is allowed only for a loopback address).");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is required when Slack:SigningSecret is set (the bot token, xoxb-..., is used to post replies).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
