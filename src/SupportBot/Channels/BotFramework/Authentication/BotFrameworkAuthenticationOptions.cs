using Microsoft.Extensions.Options;

namespace SupportBot.Host.Channels.BotFramework.Authentication;

/// <summary>
/// Token-validation settings read from the <c>Teams</c> section next to <see cref="Hosting.TeamsOptions"/>:
/// <c>Teams:Issuer</c> (the Bot Connector's token issuer; <c>https://api.botframework.us</c> for US Government)
/// and <c>Teams:ClockSkew</c> (tolerance for <c>exp</c>/<c>nbf</c>, e.g. <c>00:05:00</c>).
/// </summary>
public sealed class BotFrameworkAuthenticationOptions
{
    public const string PublicCloudIssuer = "https://api.botframework.com";

    public string Issuer { get; set; } = PublicCloudIssuer;

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(300);
}

/// <summary>Rejects token-validation settings that cannot work, naming the setting at fault.</summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    internal static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer) || !Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
        {
            failures.Add($"Teams:Issuer must be an absolute URL such as '{BotFrameworkAuthenticationOptions.PublicCloudIssuer}' (got '{options.Issuer}').");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            failures.Add($"Teams:ClockSkew must be between 00:00:00 and {MaxClockSkew:c} (got '{options.ClockSkew:c}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
