namespace SupportBot.Host.Hosting;

/// <summary>
/// Microsoft Teams / Bot Framework settings (section <c>Teams</c>). Without an app id the
/// <c>/api/messages</c> endpoint runs anonymous and accepts only local requests.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest accepted activity body, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);
}
