using System.Globalization;

namespace Quanet.Planning.Radio;

/// <summary>A closed interval in which a propagation model was fitted or specified, in <paramref name="Unit"/>.</summary>
/// <param name="Min">Lowest valid value.</param>
/// <param name="Max">Highest valid value (equal to <paramref name="Min"/> where the model fixes the value).</param>
/// <param name="Unit">Unit as printed (MHz, m).</param>
public readonly record struct ValidityRange(double Min, double Max, string Unit)
{
    // Relative slack so that a value printed and read back (e.g. 1500.0000001 MHz) is not refused.
    private const double Slack = 1e-9;

    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) =>
        value >= Min - (Slack * Math.Abs(Min)) && value <= Max + (Slack * Math.Abs(Max));

    /// <summary>The range as a planner reads it: "150-1500 MHz", or "25 m" for a fixed value.</summary>
    public override string ToString() => Min == Max
        ? string.Create(CultureInfo.InvariantCulture, $"{Min:0.###} {Unit}")
        : string.Create(CultureInfo.InvariantCulture, $"{Min:0.###}-{Max:0.###} {Unit}");
}
