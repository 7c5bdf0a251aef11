namespace Quanet.Planning.Radio;

/// <summary>3GPP TR 38.901 Rural Macro (RMa) with average building height 5 m and street width 20 m.</summary>
public sealed class RmaPathLoss : Tr38901PathLoss
{
    private const double BuildingHeight = 5.0;
    private const double StreetWidth = 20.0;

    /// <summary>Creates the model for a channel condition.</summary>
    public RmaPathLoss(ChannelCondition condition)
        : base(condition)
    {
    }

    /// <inheritdoc />
    protected override string Scenario => "rma";

    /// <summary>TR 38.901 Table 7.4.1-1: 0.5-30 GHz; 10 m to 10 km (LOS) or 5 km (NLOS); h_BS 10-150 m; h_UT 1-10 m.</summary>
    public override ModelValidity Validity => new(
        new ValidityRange(500, 30_000, "MHz"),
        new ValidityRange(10, Condition == ChannelCondition.LineOfSight ? 10_000 : 5_000, "m"),
        new ValidityRange(10, 150, "m"), new ValidityRange(1, 10, "m"), "3GPP TR 38.901 Table 7.4.1-1, RMa");

    /// <summary>LOS probability of TR 38.901 Table 7.4.2-1: 1 up to 10 m, then exp(-(d - 10) / 1000).</summary>
    public static double LosProbability(double distance2D) =>
        distance2D <= 10 ? 1.0 : Math.Exp(-(distance2D - 10) / 1000);

    /// <inheritdoc />
    protected override double LosLoss(double d2, double d3, double fcGHz, double hBs, double hUt)
    {
        var breakpoint = 2 * Math.PI * hBs * hUt * fcGHz * 1e9 / SpeedOfLight;
        if (d2 <= breakpoint)
        {
            return Pl1(d3, fcGHz);
        }

        return Pl1(breakpoint, fcGHz) + (40 * Math.Log10(d3 / breakpoint));
    }

    /// <inheritdoc />
    protected override double NlosLoss(double d3, double fcGHz, double hBs, double hUt)
    {
        var ratio = BuildingHeight / hBs;
        var logHbs = Math.Log10(hBs);
        var mobile = 3.2 * Math.Pow(Math.Log10(11.75 * hUt), 2);
        return 161.04 - (7.1 * Math.Log10(StreetWidth)) + (7.5 * Math.Log10(BuildingHeight))
            - ((24.37 - (3.7 * ratio * ratio)) * logHbs)
            + ((43.42 - (3.1 * logHbs)) * (Math.Log10(d3) - 3))
            + (20 * Math.Log10(fcGHz)) - (mobile - 4.97);
    }

    private static double Pl1(double d, double fcGHz)
    {
        var hPow = Math.Pow(BuildingHeight, 1.72);
        return (20 * Math.Log10(40 * Math.PI * d * fcGHz / 3))
            + (Math.Min(0.03 * hPow, 10) * Math.Log10(d))
            - Math.Min(0.044 * hPow, 14.77)
            + (0.002 * Math.Log10(BuildingHeight) * d);
    }
}
