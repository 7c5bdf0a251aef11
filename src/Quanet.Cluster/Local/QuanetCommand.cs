namespace Quanet.Cluster.Local;

/// <summary>
/// How to start the <c>quanet</c> command as a child process: the program and the arguments before the command's own
/// (<c>dotnet quanet.dll</c> or the <c>quanet</c> executable). The host knows which; a library never asks the environment.
/// </summary>
/// <param name="FileName">The program: the <c>quanet</c> executable or <c>dotnet</c>.</param>
/// <param name="Prefix">Arguments before the command's (the path of <c>quanet.dll</c> under <c>dotnet</c>; else empty).</param>
public sealed record QuanetCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// The command of a running <c>quanet</c> host: <paramref name="processPath"/> itself, or under <c>dotnet</c>
    /// the entry assembly <paramref name="entryAssemblyPath"/>.
    /// </summary>
    public static QuanetCommand FromHost(string processPath, string entryAssemblyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(processPath);
        var name = Path.GetFileNameWithoutExtension(processPath);
        return string.Equals(name, "dotnet", StringComparison.Ordinal)
            ? new QuanetCommand(processPath, [entryAssemblyPath])
            : new QuanetCommand(processPath, []);
    }

    /// <summary>The same command started at a lower CPU priority, through coreutils' <c>nice</c> (which runs it in its own process).</summary>
    /// <param name="niceness">The nice value, 1 to 19.</param>
    public QuanetCommand Niced(int niceness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(niceness, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(niceness, 19);
        return new QuanetCommand("nice", ["-n", niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), FileName, .. Prefix]);
    }
}
