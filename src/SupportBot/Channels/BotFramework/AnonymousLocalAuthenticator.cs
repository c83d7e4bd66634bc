using System.Net;
using SupportBot.Activities;

namespace SupportBot.Host.Channels.BotFramework;

/// <summary>
/// Local development without a Teams app id: no token is checked, so only requests from this machine
/// are accepted, and replies may only go to a serviceUrl on this machine.
/// </summary>
public sealed class AnonymousLocalAuthenticator : IActivityAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(HttpContext httpContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(activity);
        var remote = httpContext.Connection.RemoteIpAddress;

        // The in-memory test server has no remote address; anything that came over a socket must be loopback.
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            return Task.FromResult(AuthenticationOutcome.Deny(StatusCodes.Status403Forbidden,
                "Anonymous mode accepts requests from this machine only. Set Teams:AppId (and Teams:AppPassword) to accept Bot Framework traffic."));
        }

        if (activity.ServiceUrl is { } serviceUrl
            && (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !uri.IsLoopback))
        {
            return Task.FromResult(AuthenticationOutcome.Deny(StatusCodes.Status403Forbidden,
                $"Anonymous mode only replies to a serviceUrl on this machine; '{serviceUrl}' is not."));
        }

        return Task.FromResult(AuthenticationOutcome.Allow);
    }
}
