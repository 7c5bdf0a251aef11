using System.Globalization;
using System.Net;

namespace Quanet.Kme.Configuration;

/// <summary>A parsed <c>HOST:PORT</c> listen address.</summary>
public readonly record struct ListenAddress(IPAddress Address, int Port)
{
    /// <summary>Parses <c>127.0.0.1:8443</c>, <c>[::1]:8443</c> or <c>localhost:8443</c>.</summary>
    public static bool TryParse(string? text, out ListenAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        var ip = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (ip is null)
        {
            return false;
        }

        address = new ListenAddress(ip, port);
        return true;
    }
}
