using System.Net;
using System.Net.Sockets;

namespace Quanet.Kme.Tests.Support;

internal static class Ports
{
    /// <summary>A currently free loopback TCP port (for two KMEs that must know each other's address up front).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
