using System.Diagnostics;
using System.Globalization;
using Quanet.Core;

namespace Quanet.Cluster.Local;

/// <summary>
/// The local cluster's PostgreSQL (Orleans clustering, grain state, reminders): <c>initdb</c> into
/// <c>DATA/postgres/data</c> on first start, <c>pg_ctl start</c> on a free 127.0.0.1 port with its unix socket in
/// <c>DATA/postgres</c>, trust authentication for the <c>quanet</c> role on loopback only. The data stays on stop, so
/// the next start finds the cluster's state again.
/// </summary>
public sealed class LocalPostgres
{
    private readonly PostgresPrograms _programs;
    private readonly string _folder;

    private LocalPostgres(PostgresPrograms programs, string folder, int port)
    {
        _programs = programs;
        _folder = folder;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server's data folder (<c>DATA/postgres/data</c>).</summary>
    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string to <paramref name="database"/> as the <c>quanet</c> role.</summary>
    public string ConnectionString(string database = "quanet") =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Database={database};Username=quanet;Pooling=true;Maximum Pool Size=64");

    /// <summary>
    /// Initialises <paramref name="dataDirectory"/>/postgres when it is new, starts the server and creates the
    /// database <c>quanet</c> when missing.
    /// </summary>
    /// <exception cref="QuanetException">A program failed (the message holds its output).</exception>
    public static async Task<LocalPostgres> StartAsync(PostgresPrograms programs, string dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), "postgres");
        Directory.CreateDirectory(folder);
        if (programs.RunAs is { } user)
        {
            // the server's user must pass through DATA (created 0700 for the host's user) to reach DATA/postgres:
            // search permission only, no listing
            await RunAsync(new ProcessStartInfo("chmod", ["o+x", Path.GetFullPath(dataDirectory)]) { RedirectStandardError = true, RedirectStandardOutput = true }, cancellationToken).ConfigureAwait(false);
            await RunAsync(new ProcessStartInfo("chown", ["-R", user, folder]) { RedirectStandardError = true, RedirectStandardOutput = true }, cancellationToken).ConfigureAwait(false);
        }

        var server = new LocalPostgres(programs, folder, ProgramLocator.FreePort());
        if (!File.Exists(Path.Combine(server.DataFolder, "PG_VERSION")))
        {
            await RunAsync(programs.Start("initdb", "-D", server.DataFolder, "-U", "quanet", "-A", "trust", "-E", "UTF8", "--no-locale"), cancellationToken).ConfigureAwait(false);
        }

        var settings = string.Create(CultureInfo.InvariantCulture, $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200");
        await RunAsync(programs.Start("pg_ctl", "-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"), cancellationToken).ConfigureAwait(false);
        await server.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Stops the server (fast mode: sessions end, data flushed); the data folder stays.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => StopAsync(_programs, DataFolder, cancellationToken);

    /// <summary>Stops the server whose data folder is <paramref name="dataFolder"/> when it runs (for <c>cluster down</c> from another process).</summary>
    public static async Task StopAsync(PostgresPrograms programs, string dataFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programs);
        if (File.Exists(Path.Combine(dataFolder, "postmaster.pid")))
        {
            await RunAsync(programs.Start("pg_ctl", "-D", dataFolder, "-m", "fast", "-w", "stop"), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'quanet'", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE quanet", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        using var process = Process.Start(info) ?? throw new QuanetException($"{info.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var text = (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).ReplaceLineEndings(" ").Trim();
            throw new QuanetException($"{info.FileName} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {text}");
        }
    }
}
