using System.Security.Cryptography.X509Certificates;
using Quanet.Kme.Certificates;
using Quanet.Kme.Configuration;
using Quanet.Kme.Relay;

namespace Quanet.Kme.Control;

/// <summary>Connects a starting KME to the SDN controller its settings name, if any.</summary>
internal static class ControllerLink
{
    /// <summary>
    /// A client of the controller at <see cref="KmeOptions.ControllerUrl"/>, made the first path source of
    /// <paramref name="relay"/>; null when no controller is configured (the KME then routes on its own).
    /// </summary>
    public static ControllerClient? Connect(KmeOptions options, X509Certificate2 certificate, TrustValidator trust, RelayService? relay, TimeProvider time, Action<string> log)
    {
        if (string.IsNullOrEmpty(options.ControllerUrl))
        {
            return null;
        }

        var client = new ControllerClient(new Uri(options.ControllerUrl), options.ControllerId, certificate, trust, time, log);
        relay?.UsePathSource(client);
        return client;
    }
}
