using Microsoft.Extensions.Options;
using SupportBot.Escalations;

namespace SupportBot.Host.Hosting;

/// <summary>Rejects escalation settings that cannot work, naming the setting at fault.</summary>
internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var failures = new List<string>();
        foreach (var (role, route) in options.Routes)
        {
            Check(failures, $"Escalations:Routes:{role}", route);
            if (route.OffHours is { } offHours)
            {
                Check(failures, $"Escalations:Routes:{role}:OffHours", offHours);
            }
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.BusinessHours.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            failures.Add($"Escalations:BusinessHours:TimeZone '{options.BusinessHours.TimeZone}' is not a known time zone.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add("Escalations:PollInterval and Escalations:FirstRetryDelay must be positive, and MaxRetryDelay at least FirstRetryDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, SupportBot.Escalations.RouteOptions route)
    {
        if (route.Destinations.Count == 0)
        {
            failures.Add($"{key}:Destinations needs at least one destination (for example \"local\").");
        }

        for (var i = 0; i < route.Chain.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(route.Chain[i].Member))
            {
                failures.Add($"{key}:Chain:{i}:Member must name a member.");
            }

            if (route.Chain[i].Timeout <= TimeSpan.Zero)
            {
                failures.Add($"{key}:Chain:{i}:Timeout must be positive.");
            }
        }
    }
}
