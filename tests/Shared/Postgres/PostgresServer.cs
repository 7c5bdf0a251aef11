using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Quanet.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL server: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// 127.0.0.1 port with its unix socket in that folder, trust authentication for the <c>quanet</c> role; stopped
/// and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _data;
    private int _databases;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts a server; throws with the server's log when it cannot.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-pg-").FullName;
        if (PostgresBinaries.RunAs is { } user)
        {
            await RunAsync(new ProcessStartInfo("chown", ["-R", user, folder]) { RedirectStandardError = true, RedirectStandardOutput = true });
        }

        var server = new PostgresServer(folder, HostPrograms.FreePort());
        try
        {
            await RunAsync(PostgresBinaries.Start("initdb", "-D", server._data, "-U", "quanet", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            var settings = string.Create(CultureInfo.InvariantCulture, $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200");
            await RunAsync(PostgresBinaries.Start("pg_ctl", "-D", server._data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "db_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Database={database};Username=quanet;Pooling=true;Maximum Pool Size=64");

    /// <summary>Stops the server (immediate mode: nothing to keep) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(PostgresBinaries.Start("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop"));
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder goes anyway.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
