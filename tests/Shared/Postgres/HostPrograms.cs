using System.Net;
using System.Net.Sockets;

namespace Quanet.Testing.Postgres;

/// <summary>Programs on PATH and free loopback ports, for the throw-away PostgreSQL server.</summary>
internal static class HostPrograms
{
    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? OnPath(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
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
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
