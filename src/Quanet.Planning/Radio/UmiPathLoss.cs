namespace Quanet.Planning.Radio;

/// <summary>3GPP TR 38.901 Urban Micro, street canyon (UMi), effective environment height 1 m.</summary>
public sealed class UmiPathLoss : Tr38901PathLoss
{
    /// <summary>Creates the model for a channel condition.</summary>
    public UmiPathLoss(ChannelCondition condition)
        : base(condition)
    {
    }

    /// <inheritdoc />
    protected override string Scenario => "umi";

    /// <summary>TR 38.901 Table 7.4.1-1 (UMi street canyon): 0.5-100 GHz; 10 m to 5 km; h_BS = 10 m; h_UT 1.5-22.5 m.</summary>
    public override ModelValidity Validity => new(
        new ValidityRange(500, 100_000, "MHz"), new ValidityRange(10, 5_000, "m"),
        new ValidityRange(10, 10, "m"), new ValidityRange(1.5, 22.5, "m"), "3GPP TR 38.901 Table 7.4.1-1, UMi street canyon");

    /// <summary>LOS probability of TR 38.901 Table 7.4.2-1 (UMi street canyon, outdoor user).</summary>
    public static double LosProbability(double distance2D) =>
        distance2D <= 18 ? 1.0 : (18 / distance2D) + (Math.Exp(-distance2D / 36) * (1 - (18 / distance2D)));

    /// <inheritdoc />
    protected override double LosLoss(double d2, double d3, double fcGHz, double hBs, double hUt)
    {
        var breakpoint = EffectiveBreakpoint(hBs, hUt, 1.0, fcGHz);
        var logF = 20 * Math.Log10(fcGHz);
        if (d2 <= breakpoint)
        {
            return 32.4 + (21 * Math.Log10(d3)) + logF;
        }

        var dh = hBs - hUt;
        return 32.4 + (40 * Math.Log10(d3)) + logF - (9.5 * Math.Log10((breakpoint * breakpoint) + (dh * dh)));
    }

    /// <inheritdoc />
    protected override double NlosLoss(double d3, double fcGHz, double hBs, double hUt) =>
        (35.3 * Math.Log10(d3)) + 22.4 + (21.3 * Math.Log10(fcGHz)) - (0.3 * (hUt - 1.5));
}
