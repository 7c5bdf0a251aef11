using System.Diagnostics.Metrics;

namespace Quanet.Server.Operations;

/// <summary>The operations area's meter <c>Quanet.Server.Operations</c>: VES ingestion rate and open incidents.</summary>
internal sealed class OperationsMetrics : IDisposable
{
    public const string MeterName = "Quanet.Server.Operations";
    private readonly Meter _meter;
    private readonly Counter<long> _events;

    public OperationsMetrics(Func<long> openIncidents, Func<long> pendingIsolations)
    {
        _meter = new Meter(MeterName);
        _events = _meter.CreateCounter<long>("quanet.ves.events", "{event}", "VES events accepted by the collector");
        _meter.CreateObservableGauge("quanet.incidents.open", openIncidents, "{incident}", "Open network incidents");
        _meter.CreateObservableGauge("quanet.defence.isolations.pending", pendingIsolations, "{isolation}", "Isolations awaiting an operator");
    }

    public void Ingested(int events) => _events.Add(events);

    public void Dispose() => _meter.Dispose();
}
