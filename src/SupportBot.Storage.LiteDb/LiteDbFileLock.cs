namespace SupportBot.Storage.LiteDb;

/// <summary>
/// Keeps a second LiteDbContext, in this process or another, off a database file. LiteDB's direct mode
/// does not do this on Linux: its writer opens the file with FileShare.Read, for which .NET takes no OS
/// lock, so two instances happily write the same file and corrupt it.
/// </summary>
/// <remarks>
/// The lock is an exclusive open of a sidecar "&lt;file&gt;.lock" (flock on Unix, a share-mode lock on
/// Windows). The sidecar is never deleted: deleting a lock file while others may be opening it lets two
/// holders lock two different inodes.
/// </remarks>
internal sealed class LiteDbFileLock : IDisposable
{
    private static readonly HashSet<string> HeldInThisProcess = new(
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    private readonly string _databasePath;
    private readonly FileStream _lockFile;

    private LiteDbFileLock(string databasePath, FileStream lockFile)
    {
        _databasePath = databasePath;
        _lockFile = lockFile;
    }

    /// <exception cref="StorageUnavailableException">Someone else holds the file.</exception>
    public static LiteDbFileLock Acquire(string databasePath)
    {
        lock (HeldInThisProcess)
        {
            // Checked first so the message can say exactly who holds it; the OS lock below would refuse too.
            if (!HeldInThisProcess.Add(databasePath))
            {
                throw new StorageUnavailableException(
                    $"The LiteDB file '{databasePath}' is locked: another LiteDbContext in this process already has it open. " +
                    "Use the one registered instance.");
            }
        }

        try
        {
            var lockFile = new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new LiteDbFileLock(databasePath, lockFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Release(databasePath);
            var reason = e is IOException
                ? "another process (most likely another SupportBot instance) has it open"
                : $"its lock file '{databasePath}.lock' cannot be created ({e.Message})";
            throw new StorageUnavailableException(
                $"The LiteDB file '{databasePath}' is locked: {reason}. LiteDB allows one process per file; " +
                "stop the other process or point Storage:Path at another file.", e);
        }
    }

    public void Dispose()
    {
        _lockFile.Dispose();
        Release(_databasePath);
    }

    private static void Release(string databasePath)
    {
        lock (HeldInThisProcess)
        {
            HeldInThisProcess.Remove(databasePath);
        }
    }
}
