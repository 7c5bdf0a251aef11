using System.Net;
using System.Net.Sockets;

namespace Quanet.Kme.Tests.Support;

internal static class Ports
{
    // Below Linux's ephemeral range (32768-60999): a port handed out here cannot be taken meanwhile as the local
    // port of some outgoing connection, which happened with port 0 while many KMEs of parallel tests were dialling.
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> Given = [];
    private static readonly Random Pick = new();

    /// <summary>A currently free loopback TCP port (for two KMEs that must know each other's address up front), never the same twice in one run.</summary>
    public static int Free()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Pick.Next(First, Last);
                if (!Given.Add(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // in use: try another
                }
            }
        }

        throw new InvalidOperationException($"no free port in {First}-{Last}");
    }
}
