using System.Diagnostics;

namespace Quanet.Cluster.Local;

/// <summary>
/// Where this machine's PostgreSQL server programs are and as whom to run them: PATH first, then Debian's
/// <c>/usr/lib/postgresql/NN/bin</c> (newest first), which the <c>postgresql-NN</c> package keeps off PATH. The server
/// refuses to run as root; under root the programs run as the package's <c>postgres</c> user through <c>runuser</c>.
/// </summary>
public sealed class PostgresPrograms
{
    private PostgresPrograms(string folder, string? runAs)
    {
        Folder = folder;
        RunAs = runAs;
    }

    /// <summary>The folder holding initdb and pg_ctl.</summary>
    public string Folder { get; }

    /// <summary>The user the programs run as (via runuser), or null for the current user.</summary>
    public string? RunAs { get; }

    /// <summary>Finds the programs, searching <paramref name="path"/> (the host's PATH value) and Debian's folders.</summary>
    /// <param name="path">The PATH value to search.</param>
    /// <param name="userName">The current user's name (<c>root</c> needs a <c>postgres</c> user and runuser).</param>
    /// <param name="missing">Why PostgreSQL cannot run here, in one line, when the result is null.</param>
    public static PostgresPrograms? Find(string? path, string userName, out string? missing)
    {
        missing = null;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            missing = "the local PostgreSQL runs on Linux and macOS only";
            return null;
        }

        var folder = Candidates(path).FirstOrDefault(f => File.Exists(Path.Combine(f, "initdb")) && File.Exists(Path.Combine(f, "pg_ctl")));
        if (folder is null)
        {
            missing = "PostgreSQL server programs (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin: install them (Debian: apt-get install postgresql)";
            return null;
        }

        if (userName != "root")
        {
            return new PostgresPrograms(folder, null);
        }

        if (ProgramLocator.Find("runuser", path, ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]) is null || !UserExists("postgres"))
        {
            missing = "running as root, and PostgreSQL refuses root: needs runuser and a 'postgres' user to run the server as";
            return null;
        }

        return new PostgresPrograms(folder, "postgres");
    }

    /// <summary>A start description of <paramref name="program"/> with <paramref name="arguments"/>, as <see cref="RunAs"/>, output captured.</summary>
    public ProcessStartInfo Start(string program, params string[] arguments)
    {
        var path = Path.Combine(Folder, program);
        var info = RunAs is null ? new ProcessStartInfo(path) : new ProcessStartInfo("runuser", ["-u", RunAs, "--", path]);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }

    private static IEnumerable<string> Candidates(string? path)
    {
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return folder;
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
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
