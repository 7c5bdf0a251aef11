using System.Diagnostics;

namespace Quanet.Testing.Postgres;

/// <summary>
/// Where this machine's PostgreSQL server programs are, and as whom to run them. Debian's <c>postgresql-NN</c>
/// package puts <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c> in <c>/usr/lib/postgresql/NN/bin</c>, off PATH, so
/// both PATH and that folder are searched. The server refuses to run as root; under root the programs are run
/// as the package's <c>postgres</c> user through <c>runuser</c>.
/// </summary>
internal static class PostgresBinaries
{
    private static readonly Lazy<(string? Folder, string? RunAs, string? Missing)> Found = new(Find);

    /// <summary>The folder holding initdb and pg_ctl, or null.</summary>
    public static string? Folder => Found.Value.Folder;

    /// <summary>The user to run them as (via runuser), or null to run them as the current user.</summary>
    public static string? RunAs => Found.Value.RunAs;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => Found.Value.Missing;

    /// <summary>Starts <paramref name="program"/> of the server folder with <paramref name="arguments"/>, as <see cref="RunAs"/>.</summary>
    public static ProcessStartInfo Start(string program, params string[] arguments)
    {
        var path = Path.Combine(Folder ?? throw new InvalidOperationException(MissingReason), program);
        ProcessStartInfo info;
        if (RunAs is null)
        {
            info = new ProcessStartInfo(path);
        }
        else
        {
            info = new ProcessStartInfo(ProgramPath.Find("runuser")!);
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(RunAs);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(path);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }

    private static (string?, string?, string?) Find()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return (null, null, "PostgreSQL tests run on Linux and macOS only");
        }

        var folder = Candidates().FirstOrDefault(f => File.Exists(Path.Combine(f, "initdb")) && File.Exists(Path.Combine(f, "pg_ctl")));
        if (folder is null)
        {
            return (null, null, "PostgreSQL server programs (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin; install postgresql to run these tests");
        }

        if (Environment.UserName != "root")
        {
            return (folder, null, null);
        }

        if (ProgramPath.Find("runuser") is null || !UserExists("postgres"))
        {
            return (folder, null, "running as root, and PostgreSQL refuses root: needs runuser and a 'postgres' user to run the test server as");
        }

        return (folder, "postgres", null);
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return folder;
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            // Newest major version first.
            foreach (var version in Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            {
                yield return Path.Combine(version, "bin");
            }
        }
    }

    private static bool UserExists(string name)
    {
        try
        {
            return File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
