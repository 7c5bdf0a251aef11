using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Quanet.Benchmarks.Kme;

/// <summary>
/// A PostgreSQL server for the benchmark's PostgreSQL rows: <c>initdb</c> into a temporary folder and
/// <c>pg_ctl start</c> on a free 127.0.0.1 port (as the <c>postgres</c> user via <c>runuser</c> when run as root,
/// which the server refuses), default settings (fsync on, <c>synchronous_commit=on</c>); stopped and deleted on
/// dispose. Null from <see cref="TryStart"/> when the server programs are not installed.
/// </summary>
internal sealed class ThrowAwayPostgres : IDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly string? _runAs;
    private int _databases;

    private ThrowAwayPostgres(string folder, string bin, string? runAs, int port)
    {
        _folder = folder;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public static ThrowAwayPostgres? TryStart(out string? why)
    {
        var bin = Candidates().FirstOrDefault(f => File.Exists(Path.Combine(f, "initdb")) && File.Exists(Path.Combine(f, "pg_ctl")));
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (bin is null)
        {
            why = "initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin";
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("quanet-bench-pg-").FullName;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new ThrowAwayPostgres(folder, bin, runAs, port);
        try
        {
            if (runAs is not null)
            {
                Run("chown", "-R", runAs, folder);
            }

            server.RunServer("initdb", "-D", Path.Combine(folder, "data"), "-U", "kme", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
            var settings = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300");
            server.RunServer("pg_ctl", "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-o", settings, "start");
        }
        catch (InvalidOperationException ex)
        {
            why = ex.Message;
            server.Dispose();
            return null;
        }

        why = null;
        return server;
    }

    /// <summary>A fresh database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "kme_bench_" + (++_databases).ToString(CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(_folder, "data", "postmaster.pid")))
            {
                RunServer("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Database={database};Username=kme;Maximum Pool Size=100");

    private void RunServer(string program, params string[] arguments) =>
        Run(_runAs is null ? Path.Combine(_bin, program) : "runuser", _runAs is null ? arguments : ["-u", _runAs, "--", Path.Combine(_bin, program), .. arguments]);

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {output.Result}{error.Result}");
        }
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return folder;
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var version in Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            {
                yield return Path.Combine(version, "bin");
            }
        }
    }
}
