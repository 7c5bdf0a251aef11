using Quanet.Operations.Inventory;

namespace Quanet.Operations.Correlation;

/// <summary>
/// Builds root-cause hypotheses and their predicted alarms from the inventory and its dependency
/// graph (never from ground truth): what a cut link, a dead site, a crashed DU, a bad configuration, a
/// congested or a degraded cell would make the network report. Also proposes, for an observed alarm,
/// the hypotheses that could explain it. Alarms reported by a live element about a dark one (cells
/// reported out of service by their CU, Xn-C failures reported by a neighbour gNB-CU) are predicted
/// only when the reporter itself stays up under the hypothesis.
/// </summary>
internal sealed class HypothesisFactory(DependencyGraph graph)
{
    private readonly NetworkInventory _inventory = graph.Inventory;
    private readonly XnNeighbourhood _xn = new(graph.Inventory);
    private readonly Dictionary<string, Hypothesis> _cache = new(StringComparer.Ordinal);

    public DependencyGraph Graph => graph;

    /// <summary>Hypotheses that could explain an alarm with <paramref name="condition"/> on <paramref name="source"/>.</summary>
    public IEnumerable<Hypothesis> Candidates(string condition, string source, string iface)
    {
        if (_inventory.FindElement(source) is not { } element)
        {
            return [];
        }

        return condition switch
        {
            AlarmConditions.LinkDown => LinkDownCauses(element, iface),
            AlarmConditions.NeUnreachable or AlarmConditions.F1LinkFailure => UnreachableCauses(element, condition),
            AlarmConditions.FronthaulLoss => element.ServedBy is { } du ? [DuCrash(du)] : [],
            AlarmConditions.CellUnavailable => CellUnavailableCauses(element),
            AlarmConditions.XnLinkFailure => XnLossCauses(iface),
            AlarmConditions.SoftwareFault => element.Kind == ElementKind.DistributedUnit ? [DuCrash(element.Id)] : [],
            AlarmConditions.DyingGasp or AlarmConditions.MainsFailure => [PowerLoss(element.SiteId)],
            AlarmConditions.TcaRrcSuccess or AlarmConditions.TcaBler or AlarmConditions.VswrHigh
                or AlarmConditions.TcaPrb or AlarmConditions.TcaThroughput => CellKpiCauses(element, condition),
            _ => [],
        };
    }

    private IEnumerable<Hypothesis> LinkDownCauses(NetworkElement element, string iface)
    {
        if (_inventory.FindLink(iface) is { } link)
        {
            yield return FibreCut(link.Id);
            yield return PowerLoss(link.Other(element.SiteId));
        }
    }

    private IEnumerable<Hypothesis> UnreachableCauses(NetworkElement element, string condition)
    {
        if (element.Kind == ElementKind.DistributedUnit)
        {
            yield return DuCrash(element.Id);
        }

        foreach (var h in ConnectivityCauses(element.SiteId))
        {
            yield return h;
        }

        if (condition == AlarmConditions.F1LinkFailure && element.ServedBy is { } cu && _inventory.FindElement(cu) is { } cuElement)
        {
            yield return PowerLoss(cuElement.SiteId);
        }
    }

    private IEnumerable<Hypothesis> CellUnavailableCauses(NetworkElement element)
    {
        if (element.ServedBy is { } du)
        {
            yield return DuCrash(du);
        }

        foreach (var h in ConnectivityCauses(element.SiteId))
        {
            yield return h;
        }
    }

    /// <summary>The reporter of an Xn-C failure is alive; the candidates are whatever could have taken its peer dark.</summary>
    private IEnumerable<Hypothesis> XnLossCauses(string peerId) =>
        _inventory.FindElement(peerId) is { Kind: ElementKind.CentralUnit } peer ? ConnectivityCauses(peer.SiteId) : [];

    /// <summary>Threshold crossings and antenna faults of a cell (radio unit): its load, its radio channel, or its DU's configuration.</summary>
    private IEnumerable<Hypothesis> CellKpiCauses(NetworkElement element, string condition)
    {
        if (element.Kind != ElementKind.RadioUnit)
        {
            yield break;
        }

        if (condition is AlarmConditions.TcaPrb or AlarmConditions.TcaThroughput)
        {
            yield return Congestion(element.Id);
        }

        if (condition is not AlarmConditions.TcaPrb)
        {
            yield return KpiDegradation(element.Id);
        }

        if (condition == AlarmConditions.TcaRrcSuccess && element.ServedBy is { } du)
        {
            yield return Misconfiguration(du);
        }
    }

    private IEnumerable<Hypothesis> ConnectivityCauses(string site)
    {
        yield return PowerLoss(site);
        foreach (var link in _inventory.LinksOf(site))
        {
            yield return FibreCut(link.Id);
        }

        foreach (var link in graph.PrimaryPath(site))
        {
            yield return FibreCut(link.Id);
        }

        foreach (var up in graph.UpstreamSites(site))
        {
            if (_inventory.FindSite(up)?.Role != SiteRole.Core)
            {
                yield return PowerLoss(up);
            }
        }
    }

    public Hypothesis FibreCut(string linkId) => Cached($"cut:{linkId}", () =>
    {
        var link = _inventory.FindLink(linkId)!;
        var h = new Hypothesis(IncidentType.FibreCut, linkId, $"fibre cut on link {linkId} ({link.From} - {link.To}, {link.LengthKm:0.#} km)");
        var isolated = graph.IsolatedByLink(linkId);
        foreach (var end in new[] { link.From, link.To })
        {
            if (!isolated.Contains(end))
            {
                h.Expect(AlarmConditions.Key(AlarmConditions.LinkDown, Router(end), linkId),
                    $"loss of signal at {Router(end)} on {linkId}: it terminates the cut link", anchor: true);
            }
        }

        ExpectIsolation(h, isolated, null, $"link {linkId}");
        return h;
    });

    public Hypothesis PowerLoss(string siteId) => Cached($"power:{siteId}", () =>
    {
        var h = new Hypothesis(IncidentType.PowerLoss, siteId, $"power loss at site {siteId}");
        var isolated = graph.IsolatedBySite(siteId);
        foreach (var link in _inventory.LinksOf(siteId))
        {
            var other = link.Other(siteId);
            if (!isolated.Contains(other))
            {
                h.Expect(AlarmConditions.Key(AlarmConditions.LinkDown, Router(other), link.Id),
                    $"loss of signal at {Router(other)} on {link.Id}: its peer at {siteId} went dark");
            }
        }

        var router = Router(siteId);
        h.Expect(AlarmConditions.Key(AlarmConditions.DyingGasp, router), $"dying gasp from {router}: the site router lost power", anchor: true);
        h.Expect(AlarmConditions.Key(AlarmConditions.MainsFailure, router), $"mains failure at {siteId}", anchor: true);
        foreach (var e in _inventory.ElementsAt(siteId))
        {
            h.Expect(AlarmConditions.Key(AlarmConditions.NeUnreachable, e.Id), $"{e.Id} is unpowered at {siteId}");
            if (e.Kind == ElementKind.DistributedUnit)
            {
                h.Expect(AlarmConditions.Key(AlarmConditions.F1LinkFailure, e.Id), $"F1 of {e.Id} lost: the DU is unpowered");
                ExpectCellsDown(h, e, isolated, siteId, $"its DU {e.Id} at {siteId} is unpowered");
            }

            if (e.Kind == ElementKind.CentralUnit)
            {
                foreach (var du in _inventory.ServedBy(e.Id))
                {
                    h.Expect(AlarmConditions.Key(AlarmConditions.F1LinkFailure, du.Id), $"F1 of {du.Id} lost: its CU {e.Id} at {siteId} is unpowered");
                }

                ExpectXnLoss(h, e, isolated, siteId, $"site {siteId} is unpowered");
            }
        }

        ExpectIsolation(h, isolated, siteId, $"site {siteId}");
        return h;
    });

    public Hypothesis DuCrash(string duId) => Cached($"du:{duId}", () =>
    {
        var h = new Hypothesis(IncidentType.DuSoftwareCrash, duId, $"O-DU software crash on {duId}");
        h.Expect(AlarmConditions.Key(AlarmConditions.SoftwareFault, duId), $"{duId} reported a fatal software fault", anchor: true);
        h.Expect(AlarmConditions.Key(AlarmConditions.F1LinkFailure, duId), $"F1 of {duId} lost: the DU application is down");
        h.Expect(AlarmConditions.Key(AlarmConditions.NeUnreachable, duId), $"{duId} stopped answering management while its site router still does");
        foreach (var ru in _inventory.ServedBy(duId))
        {
            h.Expect(AlarmConditions.Key(AlarmConditions.FronthaulLoss, ru.Id), $"{ru.Id} lost fronthaul to its DU {duId}", anchor: true);
        }

        if (_inventory.FindElement(duId) is { } du)
        {
            ExpectCellsDown(h, du, [], null, $"the DU application of {duId} is down");
        }

        return h;
    });

    public Hypothesis Misconfiguration(string duId) => Cached($"config:{duId}", () =>
    {
        var h = new Hypothesis(IncidentType.Misconfiguration, duId, $"configuration change on {duId} degraded its cells");
        foreach (var ru in _inventory.ServedBy(duId))
        {
            h.Expect(AlarmConditions.Key(AlarmConditions.TcaRrcSuccess, ru.Id), $"RRC setup success of cell {ru.Id} fell after {duId} was reconfigured");
        }

        return h;
    });

    public Hypothesis Congestion(string ruId) => Cached($"congestion:{ruId}", () =>
    {
        var h = new Hypothesis(IncidentType.Congestion, ruId, $"congestion on cell {ruId}");
        h.Expect(AlarmConditions.Key(AlarmConditions.TcaPrb, ruId), $"PRB utilisation of {ruId} above threshold: demand exceeds capacity", anchor: true);
        h.Expect(AlarmConditions.Key(AlarmConditions.TcaThroughput, ruId), $"user throughput of {ruId} fell because its PRBs are saturated");
        return h;
    });

    public Hypothesis KpiDegradation(string ruId) => Cached($"kpi:{ruId}", () =>
    {
        var h = new Hypothesis(IncidentType.KpiDegradation, ruId, $"radio KPI degradation on cell {ruId}");
        h.Expect(AlarmConditions.Key(AlarmConditions.TcaBler, ruId), $"block error rate of {ruId} above threshold", anchor: true);
        h.Expect(AlarmConditions.Key(AlarmConditions.TcaRrcSuccess, ruId), $"RRC setup success of {ruId} below threshold");
        h.Expect(AlarmConditions.Key(AlarmConditions.VswrHigh, ruId), $"antenna path fault (VSWR) at {ruId}", anchor: true);

        // a worse radio channel means lower-order modulation and more retransmissions, so user
        // throughput falls without the cell being loaded (a congestion would show PRB saturation)
        h.Expect(AlarmConditions.Key(AlarmConditions.TcaThroughput, ruId), $"user throughput of {ruId} fell with the radio quality (lower modulation, retransmissions), not with load");
        return h;
    });

    /// <summary>
    /// The cells of <paramref name="du"/> reported out of service by its CU, which learnt them from F1
    /// setup (TS 38.473); predicted only if that CU neither sits at <paramref name="deadSite"/> nor is isolated.
    /// </summary>
    private void ExpectCellsDown(Hypothesis h, NetworkElement du, IReadOnlyList<string> isolated, string? deadSite, string because)
    {
        if (du.ServedBy is not { } cuId || _inventory.FindElement(cuId) is not { } cu || cu.SiteId == deadSite || isolated.Contains(cu.SiteId))
        {
            return;
        }

        foreach (var ru in _inventory.ServedBy(du.Id))
        {
            h.Expect(AlarmConditions.Key(AlarmConditions.CellUnavailable, ru.Id), $"cell {ru.Id} out of service, reported by its CU {cuId}: {because}");
        }
    }

    /// <summary>
    /// Xn-C failures reported by every live neighbour gNB-CU of <paramref name="cu"/> (Xn-C terminates
    /// in the gNB-CU, TS 38.401 6.1.1; the association was set up with TS 38.423 Xn setup between
    /// gNBs with neighbouring cells, see <see cref="XnNeighbourhood"/>).
    /// </summary>
    private void ExpectXnLoss(Hypothesis h, NetworkElement cu, IReadOnlyList<string> isolated, string? deadSite, string because)
    {
        foreach (var peerId in _xn.Peers(cu.Id))
        {
            if (_inventory.FindElement(peerId) is { } peer && peer.SiteId != deadSite && !isolated.Contains(peer.SiteId))
            {
                h.Expect(AlarmConditions.Key(AlarmConditions.XnLinkFailure, peerId, cu.Id),
                    $"neighbour gNB-CU {peerId} lost its Xn-C association to {cu.Id}: {because} (the peer is dark, not the reporter)");
            }
        }
    }

    private void ExpectIsolation(Hypothesis h, IReadOnlyList<string> isolated, string? deadSite, string cause)
    {
        foreach (var s in isolated)
        {
            var path = string.Join(" > ", graph.PrimaryPath(s).Select(l => l.Id));
            foreach (var e in _inventory.ElementsAt(s))
            {
                h.Expect(AlarmConditions.Key(AlarmConditions.NeUnreachable, e.Id),
                    $"{e.Id} lost management: site {s} has no path to the core without {cause} (primary path {path})");
                if (e.Kind == ElementKind.DistributedUnit)
                {
                    h.Expect(AlarmConditions.Key(AlarmConditions.F1LinkFailure, e.Id), $"F1 of {e.Id} lost: site {s} is cut off behind {cause}");
                    ExpectCellsDown(h, e, isolated, deadSite, $"its DU {e.Id} at site {s} is cut off behind {cause}");
                }

                if (e.Kind == ElementKind.CentralUnit)
                {
                    foreach (var du in _inventory.ServedBy(e.Id))
                    {
                        h.Expect(AlarmConditions.Key(AlarmConditions.F1LinkFailure, du.Id), $"F1 of {du.Id} lost: its CU at {s} is cut off behind {cause}");
                    }

                    ExpectXnLoss(h, e, isolated, deadSite, $"its site {s} is cut off behind {cause}");
                }
            }
        }
    }

    private string Router(string siteId)
    {
        var site = _inventory.FindSite(siteId)!;
        return InventoryLayout.RouterId(siteId, site.Role);
    }

    private Hypothesis Cached(string key, Func<Hypothesis> build)
    {
        if (!_cache.TryGetValue(key, out var h))
        {
            h = build();
            _cache[key] = h;
        }

        return h;
    }
}
