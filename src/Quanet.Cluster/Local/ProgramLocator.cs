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

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
