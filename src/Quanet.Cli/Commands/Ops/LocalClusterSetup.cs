using System.CommandLine;
using System.Net;
using System.Reflection;
using Quanet.Cli.Infrastructure;
using Quanet.Cluster.Local;
using Quanet.Core;
using Quanet.Server.Security;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// What <c>ops cluster up</c> and <c>ops chaos</c> share: the programs a local cluster needs (one line naming every
/// missing one), the operator key its collectors accept, and how to start this <c>quanet</c> again as a child.
/// </summary>
internal static class LocalClusterSetup
{
    /// <summary>The operator key's name in <c>DATA/server.db</c>.</summary>
    public const string KeyName = "operator";

    public static Option<int> Count(string name, string what, int defaultValue) => new Option<int>(name)
    {
        Description = $"{what} (1 to 9, default {defaultValue})",
        DefaultValueFactory = _ => defaultValue,
    }.Must(n => n is >= 1 and <= 9, "must be 1 to 9");

    public static Option<FileInfo?> NatsServer() => new("--nats-server")
    {
        Description = "The nats-server program (default: found on PATH, then in /usr/sbin, /usr/bin, /usr/local/bin)",
    };

    /// <summary>The nats-server and PostgreSQL programs; one line naming every missing one and how to install it.</summary>
    /// <exception cref="QuanetException">One or both are missing.</exception>
    public static (string Nats, PostgresPrograms Postgres) Programs(FileInfo? natsServer)
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var nats = natsServer is null ? NatsServerProgram.Find(path) : natsServer.Exists ? natsServer.FullName : null;
        var postgres = PostgresPrograms.Find(path, Environment.UserName, out var why);
        var missing = new List<string>();
        if (nats is null)
        {
            missing.Add(natsServer is null ? "nats-server (not on PATH, /usr/sbin, /usr/bin, /usr/local/bin)" : $"nats-server ({natsServer.FullName} does not exist)");
        }

        if (postgres is null)
        {
            missing.Add(why!.StartsWith("PostgreSQL server programs", StringComparison.Ordinal) ? "PostgreSQL (initdb, pg_ctl not on PATH or in /usr/lib/postgresql/*/bin)" : why);
        }

        return missing.Count == 0
            ? (nats!, postgres!)
            : throw new QuanetException($"a local cluster needs {string.Join(" and ", missing)}: install {(missing.Count == 2 ? "them" : "it")} (Debian: apt-get install nats-server postgresql)");
    }

    /// <summary>Creates (or replaces) the operator key in <paramref name="data"/>/server.db; returns the key file path and the secret, written 0600 to <c>DATA/operator.key</c>.</summary>
    public static (string Credentials, string KeyFile, string Secret) OperatorKey(string data)
    {
        Directory.CreateDirectory(data);
        var credentials = Path.Combine(data, "server.db");
        var store = new ApiKeyStore(credentials);
        store.Remove(KeyName);
        var secret = store.Add(KeyName, Roles.Operator, DateTimeOffset.UtcNow);
        var keyFile = Path.Combine(data, "operator.key");
        File.Delete(keyFile);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // the secret is readable by its owner only
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(keyFile, options)))
        {
            writer.WriteLine(secret);
        }

        return (credentials, keyFile, secret);
    }

    /// <summary>How to start this quanet again (the executable, or <c>dotnet quanet.dll</c>).</summary>
    public static QuanetCommand Self() =>
        QuanetCommand.FromHost(Environment.ProcessPath ?? "dotnet", Assembly.GetEntryAssembly()?.Location ?? typeof(LocalClusterSetup).Assembly.Location);

    /// <summary>The options of a local cluster in <paramref name="data"/>.</summary>
    public static LocalClusterOptions Options(string data, (string Nats, PostgresPrograms Postgres) programs, string credentials, int silos, int nats, int collectors, IPEndPoint listen, int bundle = 1, int siloNice = 0) => new()
    {
        DataDirectory = data,
        Quanet = Self(),
        NatsServer = programs.Nats,
        Postgres = programs.Postgres,
        CredentialsPath = credentials,
        Silos = silos,
        NatsNodes = nats,
        Collectors = collectors,
        CollectorListen = listen,
        Bundle = bundle,
        SiloNice = siloNice,
    };
}
