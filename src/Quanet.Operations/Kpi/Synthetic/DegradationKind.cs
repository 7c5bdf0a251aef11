namespace Quanet.Operations.Kpi.Synthetic;

/// <summary>What was injected into a synthetic cell-traffic series.</summary>
internal enum DegradationKind
{
    /// <summary>Nothing: a clean series.</summary>
    None,

    /// <summary>Traffic falls to 0-30 % of normal for 2-12 hours (a partial outage), then recovers.</summary>
    Drop,

    /// <summary>Traffic moves by 20-45 % up or down for good (a configuration change).</summary>
    LevelShift,

    /// <summary>Traffic declines linearly to 40-70 % of normal over 6-24 hours and stays there.</summary>
    SlowDegradation,
}
