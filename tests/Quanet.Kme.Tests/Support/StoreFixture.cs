using Quanet.Kme.Storage;
using Quanet.Kme.Storage.Postgres;
using Quanet.Testing.Postgres;

namespace Quanet.Kme.Tests.Support;

/// <summary>
/// Opens key stores of either kind for the store contract tests: SQLite files in a temporary folder, or
/// databases of one throw-away PostgreSQL server started on first use and stopped with the fixture.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-store-").FullName;
    private PostgresServer? _server;
    private int _files;

    /// <summary>A new, empty store location of <paramref name="kind"/>: a file path or a connection string.</summary>
    public async Task<string> NewLocationAsync(string kind) => kind switch
    {
        "sqlite" => Path.Combine(_folder, $"store{Interlocked.Increment(ref _files)}.db"),
        "postgresql" => await (await ServerAsync()).CreateDatabaseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "sqlite or postgresql"),
    };

    /// <summary>The shared PostgreSQL server (started on first call).</summary>
    public async Task<PostgresServer> ServerAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _server ??= await PostgresServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static async Task<IKeyStore> OpenAsync(string kind, string location, byte[] storeKey, TimeProvider? time = null) => kind == "sqlite"
        ? new SqliteKeyStore(location, storeKey, fsyncEveryCommit: true, time)
        : await PostgresKeyStore.OpenAsync(location, storeKey, synchronousCommit: true, time ?? TimeProvider.System, CancellationToken.None);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        _gate.Dispose();
    }
}
