using System.Text.Json;
using SupportBot.Activities;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>
/// What a running host tells <c>supportbot</c> commands on the same machine: where it listens and the
/// admin token to call it with. Written beside the database, because the database path is what a
/// command and the host have in common.
/// </summary>
/// <param name="Url">A loopback (or this machine's) base URL of the host.</param>
/// <param name="Database">The full path of the database the host holds.</param>
public sealed record HostLinkInfo(string Url, int ProcessId, string Token, string Database, DateTimeOffset StartedAt);

/// <summary>Reads and writes <c>&lt;database&gt;.host.json</c>.</summary>
public static class HostLinkFile
{
    public const string Suffix = ".host.json";

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + Suffix;

    /// <summary>
    /// Writes the link readable by the owner only (it holds a token with full access), replacing any
    /// earlier one in a single rename so a reader never sees half a file.
    /// </summary>
    public static void Write(string path, HostLinkInfo link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, link, ActivityJson.Options);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The link at <paramref name="path"/>, or null with the reason it cannot be used.</summary>
    public static (HostLinkInfo? Link, string? Problem) Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return (null, $"no running host has left a link at '{path}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"the host link '{path}' cannot be read: {e.Message}");
        }

        HostLinkInfo? link;
        try
        {
            link = JsonSerializer.Deserialize<HostLinkInfo>(json, ActivityJson.Options);
        }
        catch (JsonException e)
        {
            return (null, $"the host link '{path}' is not valid: {e.Message}");
        }

        if (link is null || string.IsNullOrEmpty(link.Url) || string.IsNullOrEmpty(link.Token) || link.ProcessId <= 0)
        {
            return (null, $"the host link '{path}' is incomplete");
        }

        return IsRunning(link.ProcessId)
            ? (link, null)
            : (null, $"the host link '{path}' is stale: process {link.ProcessId} is no longer running");
    }

    /// <summary>Removes the link if it is still the one this host wrote (a later host may have replaced it).</summary>
    public static void DeleteIfOwn(string path, string token)
    {
        var (link, _) = Read(path);
        if (link is not null && link.Token == token)
        {
            File.Delete(path);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
