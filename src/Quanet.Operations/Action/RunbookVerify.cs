namespace Quanet.Operations.Action;

/// <summary>Post-change verification: wait, then check KPIs of every cell the change affects.</summary>
public sealed class RunbookVerify
{
    /// <summary>Minutes to wait before reading KPIs (one PM period is 15).</summary>
    public double WaitMinutes { get; set; } = 15;

    /// <summary>KPI bounds every affected cell must meet.</summary>
    public List<KpiCheck> Kpis { get; set; } = [];
}
