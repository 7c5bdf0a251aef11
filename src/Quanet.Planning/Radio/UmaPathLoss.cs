namespace Quanet.Planning.Radio;

/// <summary>
/// 3GPP TR 38.901 Urban Macro (UMa). The effective environment height h_E is 1 m; the TR draws it at random
/// for users above 13 m, which a deterministic planner cannot, so 1 m (its most likely value) is used there too.
/// </summary>
public sealed class UmaPathLoss : Tr38901PathLoss
{
    /// <summary>Creates the model for a channel condition.</summary>
    public UmaPathLoss(ChannelCondition condition)
        : base(condition)
    {
    }

    /// <inheritdoc />
    protected override string Scenario => "uma";

    /// <summary>TR 38.901 Table 7.4.1-1: 0.5-100 GHz; 10 m to 5 km; h_BS = 25 m; h_UT 1.5-22.5 m.</summary>
    public override ModelValidity Validity => new(
        new ValidityRange(500, 100_000, "MHz"), new ValidityRange(10, 5_000, "m"),
        new ValidityRange(25, 25, "m"), new ValidityRange(1.5, 22.5, "m"), "3GPP TR 38.901 Table 7.4.1-1, UMa");

    /// <summary>LOS probability of TR 38.901 Table 7.4.2-1 (UMa, outdoor user at height <paramref name="userHeight"/> m).</summary>
    public static double LosProbability(double distance2D, double userHeight)
    {
        if (distance2D <= 18)
        {
            return 1.0;
        }

        var c = userHeight <= 13 ? 0.0 : Math.Pow((userHeight - 13) / 10, 1.5);
        var d = distance2D;
        return ((18 / d) + (Math.Exp(-d / 63) * (1 - (18 / d))))
            * (1 + (c * 5.0 / 4.0 * Math.Pow(d / 100, 3) * Math.Exp(-d / 150)));
    }

    /// <inheritdoc />
    protected override double LosLoss(double d2, double d3, double fcGHz, double hBs, double hUt)
    {
        var breakpoint = EffectiveBreakpoint(hBs, hUt, 1.0, fcGHz);
        var logF = 20 * Math.Log10(fcGHz);
        if (d2 <= breakpoint)
        {
            return 28.0 + (22 * Math.Log10(d3)) + logF;
        }

        var dh = hBs - hUt;
        return 28.0 + (40 * Math.Log10(d3)) + logF - (9 * Math.Log10((breakpoint * breakpoint) + (dh * dh)));
    }

    /// <inheritdoc />
    protected override double NlosLoss(double d3, double fcGHz, double hBs, double hUt) =>
        13.54 + (39.08 * Math.Log10(d3)) + (20 * Math.Log10(fcGHz)) - (0.6 * (hUt - 1.5));
}
