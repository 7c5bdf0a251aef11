using Quanet.Operations.Inventory;

namespace Quanet.Operations.Action;

/// <summary>
/// A simulated network whose elements hold configuration and whose cell KPIs follow from it and from
/// the physical state (power, links, software, hardware, load). Cells are the O-RUs. Configuration:
/// RU <c>tx_power_dbm</c> (43), <c>electrical_tilt_deg</c> (4), <c>carriers</c> (1), <c>cio_db</c> (0);
/// DU <c>rach_config_index</c> (16), <c>max_ue_per_cell</c> (600). KPI model (documented, simple, monotone):
/// SINR = 14 + 0.5 (P - 43) - 1.5 |tilt - 4| - 10 (VSWR fault) - 12 (sleeping cell) dB;
/// BLER = 0.02 + 0.03 max(0, 8 - SINR); RRC success = 0.995 x (0.55 if the DU's RACH index is wrong)
/// x (0.85 if SINR &lt; 5); PRB utilisation = min(1, load (1 - offload(CIO)) / carriers);
/// throughput = 80 (1 - 0.85 PRB^3) clamp(SINR/14, 0.1, 1.2) Mbit/s.
/// </summary>
public sealed class SimulatedNetwork : INetworkAdapter
{
    private readonly NetworkInventory _inventory;
    private readonly DependencyGraph _graph;
    private readonly Dictionary<string, Dictionary<string, double>> _config = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Dictionary<string, double>>> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _baseLoad = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxCarriers = new(StringComparer.Ordinal);
    private HashSet<string> _unreachableSites = new(StringComparer.Ordinal);

    /// <summary>Creates the simulated network for <paramref name="graph"/>'s inventory; cell loads and capabilities are seeded.</summary>
    public SimulatedNetwork(DependencyGraph graph, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _inventory = graph.Inventory;
        var rng = new Random(seed);
        foreach (var e in _inventory.Elements)
        {
            if (e.Kind == ElementKind.RadioUnit)
            {
                _config[e.Id] = new(StringComparer.Ordinal) { ["tx_power_dbm"] = 43, ["electrical_tilt_deg"] = 4, ["carriers"] = 1, ["cio_db"] = 0 };
                _baseLoad[e.Id] = 0.25 + (0.35 * rng.NextDouble());
                _maxCarriers[e.Id] = rng.NextDouble() < 0.8 ? 2 : 1;
            }
            else if (e.Kind == ElementKind.DistributedUnit)
            {
                _config[e.Id] = new(StringComparer.Ordinal) { ["rach_config_index"] = 16, ["max_ue_per_cell"] = 600 };
            }
            else
            {
                _config[e.Id] = new(StringComparer.Ordinal);
            }

            _history[e.Id] = [];
        }
    }

    /// <summary>The inventory.</summary>
    public NetworkInventory Inventory => _inventory;

    /// <summary>Sites without power.</summary>
    public HashSet<string> UnpoweredSites { get; } = new(StringComparer.Ordinal);

    /// <summary>Links that are cut.</summary>
    public HashSet<string> CutLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>DUs whose software is down.</summary>
    public HashSet<string> CrashedDus { get; } = new(StringComparer.Ordinal);

    /// <summary>Crashed DUs a restart does not fix (crash loop: hardware or corrupted image).</summary>
    public HashSet<string> CrashLoopDus { get; } = new(StringComparer.Ordinal);

    /// <summary>RUs with an antenna-path (VSWR) fault; only a field visit fixes them.</summary>
    public HashSet<string> VswrFaults { get; } = new(StringComparer.Ordinal);

    /// <summary>RUs in a "sleeping cell" state that a restart fixes.</summary>
    public HashSet<string> SleepingCells { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra load factor per RU (congestion surges).</summary>
    public Dictionary<string, double> LoadSurge { get; } = new(StringComparer.Ordinal);

    /// <summary>Network-wide load factor (time of day).</summary>
    public double LoadFactor { get; set; } = 1;

    /// <summary>Virtual time spent in <see cref="SettleAsync"/> since the last reset.</summary>
    public TimeSpan SettleElapsed { get; set; }

    /// <summary>The seeded base load of a cell (busy-hour PRB demand with one carrier).</summary>
    public double BaseLoad(string ruId) => _baseLoad.GetValueOrDefault(ruId);

    /// <summary>Highest carrier count the RU's hardware supports.</summary>
    public int MaxCarriers(string ruId) => _maxCarriers.GetValueOrDefault(ruId, 1);

    /// <summary>The element's configuration regardless of reachability (simulator's view).</summary>
    public IReadOnlyDictionary<string, double> Configuration(string elementId) => _config[elementId];

    /// <summary>Recomputes which sites are cut off; call after changing power or link state.</summary>
    public void UpdateTopology() =>
        _unreachableSites = new HashSet<string>(_graph.Unreachable(CutLinks, UnpoweredSites), StringComparer.Ordinal);

    /// <summary>Whether the site is powered and connected to the core.</summary>
    public bool SiteUp(string siteId) => !UnpoweredSites.Contains(siteId) && !_unreachableSites.Contains(siteId);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> GetConfiguration(string elementId)
    {
        Reachable(elementId);
        return new Dictionary<string, double>(_config[elementId], StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public void Apply(string elementId, IReadOnlyDictionary<string, double> changes, string changeId)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var element = Reachable(elementId);
        var config = _config[elementId];
        foreach (var (name, value) in changes)
        {
            if (!config.ContainsKey(name))
            {
                throw new DeviceException(elementId, $"unknown parameter '{name}'");
            }

            var (min, max) = Range(element, name);
            if (value < min || value > max)
            {
                throw new DeviceException(elementId, $"{name} = {value} outside the supported range [{min}, {max}]");
            }
        }

        _history[elementId].Add(new Dictionary<string, double>(config, StringComparer.Ordinal));
        foreach (var (name, value) in changes)
        {
            config[name] = value;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double>? LastKnownGood(string elementId)
    {
        var history = _history.GetValueOrDefault(elementId);
        return history is { Count: > 0 } ? history[^1] : null;
    }

    /// <inheritdoc/>
    public void Restart(string elementId)
    {
        Reachable(elementId);
        if (CrashedDus.Contains(elementId) && !CrashLoopDus.Contains(elementId))
        {
            CrashedDus.Remove(elementId);
        }

        SleepingCells.Remove(elementId);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ReadKpis(string elementId)
    {
        var element = _inventory.FindElement(elementId) ?? throw new DeviceException(elementId, "unknown element");
        if (element.Kind != ElementKind.RadioUnit)
        {
            Reachable(elementId);
            return new Dictionary<string, double>(StringComparer.Ordinal) { ["availability"] = CrashedDus.Contains(elementId) ? 0 : 1 };
        }

        return CellKpis(element);
    }

    /// <inheritdoc/>
    public Task SettleAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        SettleElapsed += duration;
        return Task.CompletedTask;
    }

    /// <summary>The KPIs of a cell (RU): availability, prb_utilisation, dl_user_throughput, dl_bler, rrc_setup_success_rate, sinr_db.</summary>
    public Dictionary<string, double> CellKpis(NetworkElement ru)
    {
        ArgumentNullException.ThrowIfNull(ru);
        var du = ru.ServedBy!;
        var up = SiteUp(ru.SiteId) && !CrashedDus.Contains(du);
        if (!up)
        {
            return new(StringComparer.Ordinal) { ["availability"] = 0, ["prb_utilisation"] = 0, ["dl_user_throughput"] = 0, ["dl_bler"] = 1, ["rrc_setup_success_rate"] = 0, ["sinr_db"] = 0 };
        }

        var c = _config[ru.Id];
        var sinr = 14 + (0.5 * (c["tx_power_dbm"] - 43)) - (1.5 * Math.Abs(c["electrical_tilt_deg"] - 4))
            - (VswrFaults.Contains(ru.Id) ? 10 : 0) - (SleepingCells.Contains(ru.Id) ? 12 : 0);
        var bler = Math.Clamp(0.02 + (0.03 * Math.Max(0, 8 - sinr)), 0, 1);
        var rachOk = Math.Abs(_config[du]["rach_config_index"] - 16) < 0.5;
        var rrc = 0.995 * (rachOk ? 1 : 0.55) * (sinr < 5 ? 0.85 : 1);
        var load = _baseLoad[ru.Id] * LoadFactor * LoadSurge.GetValueOrDefault(ru.Id, 1);
        var offload = Math.Clamp(-c["cio_db"] * 0.06, 0, 0.3);
        var prb = Math.Min(1, load * (1 - offload) / c["carriers"]);
        var throughput = 80 * (1 - (0.85 * prb * prb * prb)) * Math.Clamp(sinr / 14, 0.1, 1.2);
        return new(StringComparer.Ordinal)
        {
            ["availability"] = 1,
            ["prb_utilisation"] = prb,
            ["dl_user_throughput"] = throughput,
            ["dl_bler"] = bler,
            ["rrc_setup_success_rate"] = rrc,
            ["sinr_db"] = sinr,
        };
    }

    private NetworkElement Reachable(string elementId)
    {
        var element = _inventory.FindElement(elementId) ?? throw new DeviceException(elementId, "unknown element");
        return SiteUp(element.SiteId) ? element : throw new DeviceException(elementId, "unreachable (site down or cut off)");
    }

    private (double Min, double Max) Range(NetworkElement element, string name) => name switch
    {
        "tx_power_dbm" => (30, 46),
        "electrical_tilt_deg" => (0, 12),
        "carriers" => (1, _maxCarriers.GetValueOrDefault(element.Id, 1)),
        "cio_db" => (-10, 10),
        "rach_config_index" => (0, 255),
        "max_ue_per_cell" => (1, 2000),
        _ => (double.MinValue, double.MaxValue),
    };
}
