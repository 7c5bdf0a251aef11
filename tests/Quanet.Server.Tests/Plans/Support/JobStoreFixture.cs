using Quanet.Server.Plans;
using Quanet.Testing.Postgres;

namespace Quanet.Server.Tests.Plans.Support;

/// <summary>Fresh job stores of either kind: a new SQLite file, or a new database on one shared throw-away PostgreSQL server.</summary>
public sealed class JobStoreFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-jobs-").FullName;
    private PostgresServer? _server;
    private int _files;

    /// <summary>A new, empty store location of <paramref name="kind"/>: a file path or a connection string.</summary>
    internal async Task<string> NewLocationAsync(string kind) => kind switch
    {
        "sqlite" => Path.Combine(_folder, $"jobs{Interlocked.Increment(ref _files)}.db"),
        "postgresql" => await (await ServerAsync()).CreateDatabaseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "sqlite or postgresql"),
    };

    /// <summary>Opens the store at <paramref name="location"/>.</summary>
    internal static async Task<IPlanJobStore> OpenAsync(string kind, string location) => kind == "sqlite"
        ? await SqlitePlanJobStore.OpenAsync(location)
        : await PostgresPlanJobStore.OpenAsync(location);

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
