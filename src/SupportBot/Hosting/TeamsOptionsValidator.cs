using Microsoft.Extensions.Options;

namespace SupportBot.Host.Hosting;

/// <summary>Rejects Teams settings that cannot work, naming the setting at fault.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (!options.IsAnonymous && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is required when Teams:AppId is set.");
        }

        foreach (var (key, value) in new[] { ("Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl), ("Teams:TokenEndpoint", options.TokenEndpoint) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                failures.Add($"{key} must be an absolute URL (got '{value}').");
            }
            else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            {
                failures.Add($"{key} must use https (plain http is allowed for loopback addresses only; got '{value}').");
            }
        }

        if (options.MaxActivityBytes is < 1024 or > 4 * 1024 * 1024)
        {
            failures.Add("Teams:MaxActivityBytes must be between 1024 and 4194304.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
