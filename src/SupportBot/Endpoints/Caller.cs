using System.Security.Cryptography;
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
public sealed class CallerResolver(TranscriptAccess access, HostAdminToken adminToken)
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
        return user.Length == 0 ? null : new Caller(user, access.IsTrainer(user), IsHostAdmin: false);
    }
}
