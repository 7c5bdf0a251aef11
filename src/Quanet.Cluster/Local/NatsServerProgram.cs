namespace Quanet.Cluster.Local;

/// <summary>Where <c>nats-server</c> is: on PATH, or where Debian's <c>nats-server</c> package puts it (<c>/usr/sbin</c>).</summary>
public static class NatsServerProgram
{
    private static readonly string[] DebianFolders = ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"];

    /// <summary>The program's full path, searching <paramref name="path"/> (the host's PATH value) and then Debian's folders; null when absent.</summary>
    public static string? Find(string? path) => ProgramLocator.Find("nats-server", path, DebianFolders);

    /// <summary>One line saying the program is missing and how to get it.</summary>
    public const string MissingMessage = "nats-server not found on PATH or in /usr/sbin, /usr/bin, /usr/local/bin: install it (Debian: apt-get install nats-server)";
}
