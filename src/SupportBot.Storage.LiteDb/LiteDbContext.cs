using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// The one open LiteDB database of the process. Opens in direct mode (shared mode relies on a named
/// mutex that breaks in multi-threaded hosts) and never deletes, recreates or resets an existing file:
/// anything it cannot open becomes a <see cref="StorageUnavailableException"/> that names the file.
/// </summary>
public sealed class LiteDbContext : IDisposable
{
    private const string DamagedAdvice = "Nothing was changed; restore it from a backup or point Storage:Path at another file.";

    private readonly LiteDbFileLock _fileLock;
    private readonly ILogger _logger;
    private bool _disposed;

    /// <exception cref="StorageUnavailableException">The file is damaged, locked or cannot be read.</exception>
    public LiteDbContext(LiteDbOptions options, ILogger<LiteDbContext>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _logger = logger ?? NullLogger<LiteDbContext>.Instance;
        FilePath = System.IO.Path.GetFullPath(options.Path);

        CreateDirectory(FilePath);
        _fileLock = LiteDbFileLock.Acquire(FilePath);
        try
        {
            if (FindProblem(FilePath) is { } problem)
            {
                throw Damaged(FilePath, problem, null);
            }

            Database = Open(FilePath);
            CreateCollections(Database);
            Writes = new LiteDbWriteQueue(this);
        }
        catch
        {
            _fileLock.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    internal LiteDatabase Database { get; }

    /// <summary>
    /// Every write goes through this single writer. Besides committing concurrent turns together, it
    /// serialises ETag check-and-write: LiteDB takes a collection's write lock only at the first write of
    /// a transaction, so two independent writers could both pass the same ETag check.
    /// </summary>
    internal LiteDbWriteQueue Writes { get; } = null!;

    /// <summary>For a readiness probe: a cheap read; false (never an exception) when the database is unusable.</summary>
    public bool Check()
    {
        if (_disposed)
        {
            return false;
        }

        try
        {
            Database.GetCollection(LiteDbStorage.CollectionName).FindById(" health ");
            return true;
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "LiteDB health check failed for {Path}", FilePath);
            return false;
        }
    }

    /// <summary>Moves committed pages from the write-ahead log into the data file, so the file size is meaningful.</summary>
    public void Checkpoint() => Database.Checkpoint();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Let queued writes finish before the database closes.
            Writes?.Dispose();
            Database.Dispose();
        }
        finally
        {
            _fileLock.Dispose();
        }
    }

    /// <summary>
    /// Creates the collections and indexes up front. LiteDB can hand a concurrent reader a half-made
    /// collection page while another thread's open transaction is creating that collection, so nothing
    /// may be created lazily once turns are running.
    /// </summary>
    private static void CreateCollections(LiteDatabase database)
    {
        LiteDbTranscriptStore.CreateCollections(database);
        var escalations = database.GetCollection(LiteDbEscalationStore.EscalationsCollection);
        escalations.EnsureIndex(LiteDbEscalationStore.DueAtField);
        escalations.EnsureIndex(LiteDbEscalationStore.ClosedField);
        var outbox = database.GetCollection(LiteDbEscalationStore.OutboxCollection);
        outbox.EnsureIndex(LiteDbEscalationStore.EscalationIdField);
        outbox.EnsureIndex(LiteDbEscalationStore.NextAttemptAtField);
        if (!database.CollectionExists(LiteDbStorage.CollectionName))
        {
            // LiteDB has no "create collection"; a document inserted and removed leaves the collection behind.
            var state = database.GetCollection(LiteDbStorage.CollectionName);
            state.Insert(new BsonDocument { ["_id"] = " created " });
            state.Delete(" created ");
        }
    }

    private static LiteDatabase Open(string path)
    {
        // Probe an existing file read-only first: when LiteDB meets a damaged page it flags the header as
        // invalid, which is a write. A read-only open leaves a damaged file byte-for-byte as it was.
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            OpenAndTouch(path, readOnly: true).Dispose();
        }

        return OpenAndTouch(path, readOnly: false);
    }

    private static LiteDatabase OpenAndTouch(string path, bool readOnly)
    {
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            ReadOnly = readOnly,
            // Both would rewrite an existing file behind our back.
            AutoRebuild = false,
            Upgrade = false,
        };
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };

        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(connection, mapper);

            // LiteDB reads lazily; touch our collections now so a damaged file fails here, not mid-turn.
            database.GetCollection(LiteDbStorage.CollectionName).FindById(" probe ");
            database.GetCollection(LiteDbTranscriptStore.CollectionName).FindById(0L);
            if (!readOnly && !database.UtcDate)
            {
                database.UtcDate = true;
            }

            return database;
        }
        catch (UnauthorizedAccessException e)
        {
            TryDispose(database);
            throw new StorageUnavailableException($"The LiteDB file '{path}' cannot be read or written: {e.Message}", e);
        }
        catch (IOException e)
        {
            // On Windows a process outside our lock protocol (e.g. a LiteDB viewer) shows up as a sharing violation.
            TryDispose(database);
            throw new StorageUnavailableException(
                $"The LiteDB file '{path}' cannot be opened; it may be locked by another process: {e.Message}", e);
        }
        catch (Exception e)
        {
            // LiteDB reports damage as LiteException, but random bytes also surface as
            // ArgumentOutOfRangeException, InvalidCastException and the like.
            TryDispose(database);
            var reason = e is LiteException ? e.Message : $"reading it failed with {e.GetType().Name}: {e.Message}";
            throw Damaged(path, reason, e);
        }
    }

    private static string? FindProblem(string path)
    {
        try
        {
            return LiteDbFileGuard.FindProblem(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"The LiteDB file '{path}' cannot be read: {e.Message}", e);
        }
    }

    private static void CreateDirectory(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(
                $"The directory '{directory}' for the LiteDB file '{path}' cannot be created: {e.Message}", e);
        }
    }

    private static void TryDispose(LiteDatabase? database)
    {
        try
        {
            database?.Dispose();
        }
        catch (Exception)
        {
            // The open already failed; that is the error worth reporting.
        }
    }

    private static StorageUnavailableException Damaged(string path, string reason, Exception? inner)
    {
        var message = $"The LiteDB file '{path}' is not a valid LiteDB database or is damaged: {reason.TrimEnd('.')}. {DamagedAdvice}";
        return inner is null ? new StorageUnavailableException(message) : new StorageUnavailableException(message, inner);
    }
}
