namespace Quanet.Operations.Action;

/// <summary>
/// How runbooks touch the network: read and change an element's configuration, restart it, read
/// its KPIs. A real adapter would speak NETCONF/O1 to O-RAN elements; <see cref="SimulatedNetwork"/>
/// is the simulated one whose KPIs respond to configuration.
/// </summary>
public interface INetworkAdapter
{
    /// <summary>The element's configuration (parameter name to value).</summary>
    /// <exception cref="DeviceException">The element is unknown or unreachable.</exception>
    IReadOnlyDictionary<string, double> GetConfiguration(string elementId);

    /// <summary>Applies parameter changes to the element (one configuration revision).</summary>
    /// <exception cref="DeviceException">The element rejects the change or is unreachable.</exception>
    void Apply(string elementId, IReadOnlyDictionary<string, double> changes, string changeId);

    /// <summary>The configuration before the latest change of the element (its config archive), or null.</summary>
    IReadOnlyDictionary<string, double>? LastKnownGood(string elementId);

    /// <summary>Restarts the element (software restart or cell lock/unlock).</summary>
    /// <exception cref="DeviceException">The element is unreachable.</exception>
    void Restart(string elementId);

    /// <summary>The element's current KPIs (for a DU: its cells' KPIs are read per RU).</summary>
    /// <exception cref="DeviceException">The element is unknown or unreachable.</exception>
    IReadOnlyDictionary<string, double> ReadKpis(string elementId);

    /// <summary>Waits for the network to settle after a change (a real adapter waits; a simulated one advances its clock).</summary>
    Task SettleAsync(TimeSpan duration, CancellationToken cancellationToken);
}
