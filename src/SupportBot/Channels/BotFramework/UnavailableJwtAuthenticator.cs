using SupportBot.Activities;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>
/// Stands in while Teams token validation is not built: with an app id configured, SupportBot fails
/// closed and refuses every request rather than accept unverified traffic.
/// </summary>
public sealed class UnavailableJwtAuthenticator : IActivityAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(HttpContext httpContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticationOutcome.Deny(StatusCodes.Status401Unauthorized,
            "Teams:AppId is set, but this build cannot validate Bot Framework tokens yet, so every request is refused. Remove Teams:AppId for local anonymous mode."));
}
