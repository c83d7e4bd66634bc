using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>
/// Opens the database file directly when no one holds it; when a running host holds it, goes through
/// that host instead, found by the link it writes beside the database.
/// </summary>
internal static class SupportBotDataOpener
{
    /// <param name="mayCreate">Whether a missing database file may be created (imports); other commands report it missing.</param>
    /// <param name="verbose">Where to say which way the command went; null to say nothing.</param>
    public static ISupportBotData Open(CliSettings settings, bool mayCreate, TextWriter? verbose)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.DatabasePath;
        if (!mayCreate && !File.Exists(path))
        {
            throw new CliException($"There is no SupportBot database at '{path}'. Point Storage:Path at it (e.g. --Storage:Path ./data/supportbot.db).");
        }

        ISupportBotData data;
        try
        {
            data = new DatabaseData(new LiteDbContext(new LiteDbOptions { Path = path }));
        }
        catch (StorageUnavailableException locked) when (IsHeldByAnotherProcess(locked))
        {
            var linkPath = HostLinkFile.PathFor(path);
            var (link, problem) = HostLinkFile.Read(linkPath);
            if (link is null)
            {
                throw new CliException($"{locked.Message}\nNo running host can be reached instead: {problem}.");
            }

            data = new HostData(link);
        }
        catch (StorageUnavailableException unusable)
        {
            throw new CliException(unusable.Message);
        }

        verbose?.WriteLine("Using " + data.Route + ".");
        return data;
    }

    // Another process has the file (its lock sidecar, or on Windows the file itself); a damaged file fails differently.
    private static bool IsHeldByAnotherProcess(StorageUnavailableException e) => e.InnerException is IOException;
}
