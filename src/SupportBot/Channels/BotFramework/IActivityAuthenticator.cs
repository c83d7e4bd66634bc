using SupportBot.Activities;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>Decides whether an inbound Bot Framework request may be processed.</summary>
public interface IActivityAuthenticator
{
    Task<AuthenticationOutcome> AuthenticateAsync(HttpContext httpContext, Activity activity, CancellationToken cancellationToken);
}

public sealed record AuthenticationOutcome(bool Allowed, int StatusCode, string? Problem)
{
    public static AuthenticationOutcome Allow { get; } = new(true, StatusCodes.Status200OK, null);

    public static AuthenticationOutcome Deny(int statusCode, string problem) => new(false, statusCode, problem);
}
