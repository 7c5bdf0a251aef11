using System.Net;
using System.Net.Sockets;

namespace Quanet.Testing.Postgres;

/// <summary>Free loopback ports, for the throw-away PostgreSQL server.</summary>
internal static class HostPrograms
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
