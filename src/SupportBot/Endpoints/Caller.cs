using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using System.Text;
using SupportBot.Transcripts;

namespace SupportBot.Host.Endpoints;

/// <summary>Who is calling a trainer-facing API: a user of the web pages, or the command line through the host.</summary>
/// <param name="IsHostAdmin">The command line, holding the running host's admin token: sees everything.</param>
public sealed record Caller(string Id, bool IsTrainer, bool IsHostAdmin)
{
    /// <summary>The header the web pages send with the user they act as (like the board's "acting as").</summary>
    public const string UserHeader = "X-SupportBot-User";

    public const string CommandLineId = "supportbot-cli";
}

/// <summary>
/// The secret the running host shares with <c>supportbot</c> commands on the same machine (written beside
/// the database by the host link), so they can work through the host while it holds the database file.
/// </summary>
public sealed class HostAdminToken
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Matches(string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));
}

/// <summary>Works out the <see cref="Caller"/> of a request; null when the request says who it is in no accepted way.</summary>
/// <remarks>
/// The user header is an honour system, like the lead board's "acting as": it is believed only from this
/// machine, unless <see cref="TrainingOptions.TrustUserHeaderFromNetwork"/> says an authenticating proxy
/// in front of the host sets it. A host opened to the network for Teams or Slack therefore does not hand
/// transcripts to whoever claims a trainer's id.
/// </remarks>
public sealed class CallerResolver(TranscriptAccess access, HostAdminToken adminToken, IOptionsMonitor<TrainingOptions> options)
{
    public Caller? Resolve(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var authorization = httpContext.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return adminToken.Matches(authorization["Bearer ".Length..].Trim())
                ? new Caller(Caller.CommandLineId, IsTrainer: true, IsHostAdmin: true)
                : null;
        }

        var user = httpContext.Request.Headers[Caller.UserHeader].ToString().Trim();
        if (user.Length == 0 || !(IsLocal(httpContext) || options.CurrentValue.TrustUserHeaderFromNetwork))
        {
            return null;
        }

        return new Caller(user, access.IsTrainer(user), IsHostAdmin: false);
    }

    // In-process test servers have no remote address; a real connection must come from loopback.
    private static bool IsLocal(HttpContext httpContext) =>
        httpContext.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}
