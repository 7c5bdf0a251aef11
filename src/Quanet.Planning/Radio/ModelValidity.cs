using System.Globalization;

namespace Quanet.Planning.Radio;

/// <summary>
/// Where a path-loss model holds: carrier frequency, 2D distance and antenna heights as its reference states them.
/// Outside these ranges a model extrapolates, which a planner must ask for explicitly.
/// </summary>
/// <param name="FrequencyMegahertz">Carrier frequency range, MHz.</param>
/// <param name="Distance2DMetres">Ground distance range between base station and user, m.</param>
/// <param name="BaseStationHeightMetres">Base-station antenna height range, m.</param>
/// <param name="UserHeightMetres">User terminal height range, m.</param>
/// <param name="Reference">The source of the ranges, named in every refusal.</param>
public sealed record ModelValidity(
    ValidityRange FrequencyMegahertz, ValidityRange Distance2DMetres, ValidityRange BaseStationHeightMetres,
    ValidityRange UserHeightMetres, string Reference)
{
    /// <summary>
    /// Every range of the model that the link geometry (<paramref name="bandMegahertz"/>, the antenna heights) and the
    /// coverage radius it yields (<paramref name="radiusMetres"/>, null when not computed) leave, one phrase each,
    /// e.g. "hata-suburban is defined for 150-1500 MHz (Okumura-Hata), not 3500 MHz".
    /// </summary>
    public IReadOnlyList<string> Violations(string model, double bandMegahertz, double baseStationHeightMetres, double userHeightMetres, double? radiusMetres = null)
    {
        var problems = new List<string>();
        Check(problems, model, "a carrier of", FrequencyMegahertz, bandMegahertz);
        Check(problems, model, "a base-station height of", BaseStationHeightMetres, baseStationHeightMetres);
        Check(problems, model, "a user height of", UserHeightMetres, userHeightMetres);
        if (radiusMetres is { } r)
        {
            Check(problems, model, "distances of", Distance2DMetres, r, "the coverage radius these settings give is");
        }

        return problems;
    }

    private void Check(List<string> problems, string model, string what, ValidityRange range, double value, string given = "not")
    {
        if (!range.Contains(value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{model} is defined for {what} {range} ({Reference}); {given} {value:0.#} {range.Unit}"));
        }
    }
}
