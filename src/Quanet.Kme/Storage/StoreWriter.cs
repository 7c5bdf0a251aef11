using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Quanet.Kme.Storage;

/// <summary>
/// The store's single writer with group commit: operations queue up, the writer thread runs every queued
/// operation in one SQLite transaction (each inside its own savepoint, so a failing one rolls back alone),
/// commits (fsync of the WAL with <c>synchronous=FULL</c>), and only then completes the callers' tasks.
/// A caller therefore never sees a result that is not yet durable.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private const int MaxBatch = 512;
    private const string Savepoint = "op";
    private readonly SqliteConnection _connection;
    private readonly Channel<IOperation> _queue = Channel.CreateUnbounded<IOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;

    public StoreWriter(SqliteConnection connection)
    {
        _connection = connection;
        _thread = new Thread(Run) { IsBackground = true, Name = "kme-store-writer" };
        _thread.Start();
    }

    private interface IOperation
    {
        void Execute();

        void Commit();

        void Fail(Exception error);
    }

    /// <summary>The transaction the current batch runs in (writer thread only).</summary>
    public SqliteTransaction? Transaction { get; private set; }

    /// <summary>Queues <paramref name="work"/>; the task completes after its transaction is durable.</summary>
    public Task<T> Enqueue<T>(Func<T> work)
    {
        var operation = new Operation<T>(work);
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(StoreWriter));
        }

        return operation.Completion.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
    }

    private void Run()
    {
        var batch = new List<IOperation>(MaxBatch);
        var succeeded = new List<IOperation>(MaxBatch);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            succeeded.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            try
            {
                using (var transaction = _connection.BeginTransaction(deferred: false))
                {
                    Transaction = transaction;
                    foreach (var operation in batch)
                    {
                        transaction.Save(Savepoint);
                        try
                        {
                            operation.Execute();
                            transaction.Release(Savepoint);
                            succeeded.Add(operation);
                        }
                        catch (Exception ex)
                        {
                            transaction.Rollback(Savepoint);
                            transaction.Release(Savepoint);
                            operation.Fail(ex);
                        }
                    }

                    transaction.Commit();
                }

                Transaction = null;
                foreach (var operation in succeeded)
                {
                    operation.Commit();
                }
            }
            catch (Exception ex)
            {
                Transaction = null;
                foreach (var operation in succeeded)
                {
                    operation.Fail(ex);
                }
            }
        }
    }

    private sealed class Operation<T>(Func<T> work) : IOperation
    {
        private T _result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute() => _result = work();

        public void Commit() => Completion.TrySetResult(_result);

        public void Fail(Exception error) => Completion.TrySetException(error);
    }
}
