using Quanet.Operations.Action;

namespace Quanet.Cluster.Processing;

/// <summary>
/// The network adapter of a region's embedded engine: never called, because in the cluster runbooks run in
/// runbook grains through <see cref="ClusterNetwork"/>, step by step and keyed; a call would be a bug.
/// </summary>
internal sealed class NoNetwork : INetworkAdapter
{
    private static InvalidOperationException Misuse() => new("in the cluster, runbooks run in runbook grains, not in the region's engine");

    public IReadOnlyDictionary<string, double> GetConfiguration(string elementId) => throw Misuse();

    public void Apply(string elementId, IReadOnlyDictionary<string, double> changes, string changeId) => throw Misuse();

    public IReadOnlyDictionary<string, double>? LastKnownGood(string elementId) => throw Misuse();

    public void Restart(string elementId) => throw Misuse();

    public IReadOnlyDictionary<string, double> ReadKpis(string elementId) => throw Misuse();

    public Task SettleAsync(TimeSpan duration, CancellationToken cancellationToken) => throw Misuse();
}
