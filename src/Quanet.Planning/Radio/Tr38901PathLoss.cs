using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>
/// Common part of the 3GPP TR 38.901 (v17, Table 7.4.1-1) path-loss models: distances are the 3D separation,
/// the breakpoint is compared with the 2D distance, shadow fading is left out (a planner adds it as a fade margin).
/// </summary>
public abstract class Tr38901PathLoss : IPathLossModel
{
    /// <summary>The speed of light as TR 38.901 fixes it for breakpoint distances (3.0e8 m/s, as ns-3 uses too).</summary>
    protected const double SpeedOfLight = 3.0e8;

    /// <summary>Creates the model for a channel condition.</summary>
    protected Tr38901PathLoss(ChannelCondition condition) => Condition = condition;

    /// <summary>LOS or NLOS.</summary>
    public ChannelCondition Condition { get; }

    /// <summary>Scenario name (rma, uma, umi).</summary>
    protected abstract string Scenario { get; }

    /// <inheritdoc />
    public string Name => Scenario + (Condition == ChannelCondition.LineOfSight ? "-los" : "-nlos");

    /// <inheritdoc />
    public abstract ModelValidity Validity { get; }

    /// <inheritdoc />
    public Decibels Loss(Metres distance2D, LinkGeometry geometry)
    {
        var d2 = distance2D.Value;
        var d3 = geometry.Distance3D(distance2D).Value;
        var fcGHz = geometry.Frequency.Gigahertz;
        var hBs = geometry.BaseStationHeight.Value;
        var hUt = geometry.UserHeight.Value;
        var los = LosLoss(d2, d3, fcGHz, hBs, hUt);
        return new Decibels(Condition == ChannelCondition.LineOfSight ? los : Math.Max(los, NlosLoss(d3, fcGHz, hBs, hUt)));
    }

    /// <summary>The LOS loss in dB.</summary>
    /// <param name="d2">2D distance, m.</param>
    /// <param name="d3">3D distance, m.</param>
    /// <param name="fcGHz">Carrier frequency, GHz.</param>
    /// <param name="hBs">Base-station height, m.</param>
    /// <param name="hUt">User height, m.</param>
    protected abstract double LosLoss(double d2, double d3, double fcGHz, double hBs, double hUt);

    /// <summary>The NLOS' loss in dB before taking the maximum with the LOS loss.</summary>
    /// <param name="d3">3D distance, m.</param>
    /// <param name="fcGHz">Carrier frequency, GHz.</param>
    /// <param name="hBs">Base-station height, m.</param>
    /// <param name="hUt">User height, m.</param>
    protected abstract double NlosLoss(double d3, double fcGHz, double hBs, double hUt);

    /// <summary>Breakpoint distance 4 h'_BS h'_UT f_c / c with effective heights h - h_E (UMa, UMi).</summary>
    protected static double EffectiveBreakpoint(double hBs, double hUt, double effectiveEnvironmentHeight, double fcGHz) =>
        4 * (hBs - effectiveEnvironmentHeight) * (hUt - effectiveEnvironmentHeight) * fcGHz * 1e9 / SpeedOfLight;
}
