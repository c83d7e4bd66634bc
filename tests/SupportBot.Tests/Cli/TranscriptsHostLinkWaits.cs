using SupportBot.Host.Cli.HostLink;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Cli;

internal static class HostLinkWaits
{
    /// <summary>The link is written just after the server starts listening, which can be a moment after it first answers.</summary>
    public static async Task<HostLinkInfo> UntilWrittenAsync(string databasePath, HostProcess host)
    {
        var path = HostLinkFile.PathFor(databasePath);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (HostLinkFile.Read(path).Link is { } link)
            {
                return link;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No host link at {path}:\n{host.Output}");
    }
}
