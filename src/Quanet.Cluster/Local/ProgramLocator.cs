namespace Quanet.Cluster.Local;

/// <summary>Finds the server programs a local cluster runs: on PATH first, then in Debian's locations.</summary>
internal static class ProgramLocator
{
    /// <summary>The full path of <paramref name="program"/> on <paramref name="path"/> (a PATH value) or in one of <paramref name="extraFolders"/>, or null.</summary>
    public static string? Find(string program, string? path, IEnumerable<string> extraFolders)
    {
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(extraFolders))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // Below Linux's default ephemeral range (32768-60999): a port chosen here cannot be taken, between this check and
    // the server's own bind, as the local port of some outgoing connection (a chaos run lost a nats-server start to
    // that with a port the kernel had handed out for port 0)
    private const int FirstPort = 20_000;
    private const int LastPort = 32_000;
    private static readonly HashSet<int> Given = [];

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago, below the ephemeral range, never the same twice in this process.</summary>
    /// <exception cref="InvalidOperationException">No free port in the range.</exception>
    public static int FreePort()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 2000; attempt++)
            {
                var port = Random.Shared.Next(FirstPort, LastPort);
                if (!Given.Add(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // in use: another
                }
            }
        }

        throw new InvalidOperationException($"no free TCP port on 127.0.0.1 in {FirstPort}-{LastPort}");
    }
}
