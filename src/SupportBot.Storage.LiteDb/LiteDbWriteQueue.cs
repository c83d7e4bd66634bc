using System.Collections.Concurrent;
using LiteDB;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// One writer thread for the database, committing the writes of many turns together ("group commit").
/// </summary>
/// <remarks>
/// LiteDB transactions belong to a thread and each commit costs a log write, so concurrent turns queue
/// their writes here and a single thread applies whatever is waiting in one transaction. Each write
/// validates before it changes anything (ETag checks), so a conflict fails only that write; an I/O
/// failure rolls the whole batch back and fails every write in it. Callers resume only after the
/// commit, so "saved" still means saved.
/// </remarks>
internal sealed class LiteDbWriteQueue : IDisposable
{
    private const int MaxBatch = 256;

    private readonly BlockingCollection<PendingWrite> _queue = new();
    private readonly LiteDbContext _context;
    private readonly Thread _writer;

    public LiteDbWriteQueue(LiteDbContext context)
    {
        _context = context;
        _writer = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
    }

    /// <summary>Queues a write and completes once it is committed (or has failed).</summary>
    /// <param name="write">Runs on the writer thread inside the batch transaction; it must throw before
    /// changing anything if it cannot apply (for example on an ETag conflict).</param>
    public Task<T> EnqueueAsync<T>(Func<LiteDatabase, T> write)
    {
        var pending = new PendingWrite<T>(write);
        try
        {
            _queue.Add(pending);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbWriteQueue), "The database is closing; the write was not made.");
        }

        return pending.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var database = _context.Database;
        var applied = new List<PendingWrite>(batch.Count);
        try
        {
            database.BeginTrans();
            foreach (var write in batch)
            {
                try
                {
                    write.Apply(database);
                    applied.Add(write);
                }
                catch (StorageConflictException conflict)
                {
                    write.Fail(conflict);
                }
            }

            database.Commit();
        }
        catch (Exception ex)
        {
            TryRollback(database);
            var failure = ex is IOException or UnauthorizedAccessException
                ? new StorageUnavailableException($"The LiteDB file '{_context.FilePath}' cannot be written: {ex.Message}", ex)
                : ex;
            foreach (var write in batch.Where(w => !w.IsCompleted))
            {
                write.Fail(failure);
            }

            return;
        }

        foreach (var write in applied)
        {
            write.Succeed();
        }
    }

    private static void TryRollback(LiteDatabase database)
    {
        try
        {
            database.Rollback();
        }
        catch (LiteException)
        {
            // Nothing was open; nothing to undo.
        }
    }

    private abstract class PendingWrite
    {
        public abstract bool IsCompleted { get; }

        public abstract void Apply(LiteDatabase database);

        public abstract void Succeed();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<LiteDatabase, T> write) : PendingWrite
    {
        // Continuations must not run on the writer thread, or one slow caller would stall every write.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override bool IsCompleted => _completion.Task.IsCompleted;

        public override void Apply(LiteDatabase database) => _result = write(database);

        public override void Succeed() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
