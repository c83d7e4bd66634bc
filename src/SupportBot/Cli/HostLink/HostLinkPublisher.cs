using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SupportBot.Host.Endpoints;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>
/// Writes the host link (<see cref="HostLinkFile"/>) once the server listens and its addresses are known,
/// and removes it when the host stops, so <c>supportbot</c> commands can work through this host while
/// it holds the database file.
/// </summary>
internal sealed partial class HostLinkPublisher(
    IServer server,
    IHostApplicationLifetime lifetime,
    LiteDbContext database,
    HostAdminToken token,
    TimeProvider timeProvider,
    ILogger<HostLinkPublisher> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private string? _written;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Publish);
        lifetime.ApplicationStopping.Register(Withdraw);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Withdraw();
        return Task.CompletedTask;
    }

    private void Publish()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (HostAddresses.ForLocalClient(addresses) is not { } url)
        {
            LogNoAddress(logger, string.Join(", ", addresses));
            return;
        }

        var path = HostLinkFile.PathFor(database.FilePath);
        try
        {
            HostLinkFile.Write(path, new HostLinkInfo(url, Environment.ProcessId, token.Value, database.FilePath, timeProvider.GetUtcNow()));
            lock (_gate)
            {
                _written = path;
            }

            LogPublished(logger, path, url);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogPublishFailed(logger, e, path);
        }
    }

    private void Withdraw()
    {
        string? path;
        lock (_gate)
        {
            (path, _written) = (_written, null);
        }

        if (path is null)
        {
            return;
        }

        try
        {
            HostLinkFile.DeleteIfOwn(path, token.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWithdrawFailed(logger, e, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host link written to {Path} ({Url}): supportbot commands on this machine go through this host while it holds the database")]
    private static partial void LogPublished(ILogger logger, string path, string url);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No host link written: none of the server addresses ({Addresses}) can be called over TCP")]
    private static partial void LogNoAddress(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host link {Path} cannot be written; supportbot commands cannot reach this host while it holds the database")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host link {Path} cannot be removed; commands will see it is stale once this process has exited")]
    private static partial void LogWithdrawFailed(ILogger logger, Exception exception, string path);
}
