using System.Net;
using System.Net.Sockets;

namespace Quanet.Server.Tests.Plans.Support;

/// <summary>Programs on PATH and free ports, for the tests that start PostgreSQL or run ogrinfo.</summary>
internal static class Programs
{
    /// <summary>Finds <paramref name="program"/> on PATH, or null.</summary>
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

    /// <summary>A currently free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
