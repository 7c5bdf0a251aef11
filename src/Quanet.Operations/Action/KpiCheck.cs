namespace Quanet.Operations.Action;

/// <summary>A KPI bound.</summary>
public sealed class KpiCheck
{
    /// <summary>KPI name (e.g. <c>rrc_setup_success_rate</c>).</summary>
    public string Kpi { get; set; } = "";

    /// <summary>Lowest acceptable value, or null.</summary>
    public double? Min { get; set; }

    /// <summary>Highest acceptable value, or null.</summary>
    public double? Max { get; set; }
}
