using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>
/// Okumura-Hata (150-1500 MHz) and, above 1500 MHz, COST-231 Hata (COST 231 final report, eqs. 4.4.1 and 4.4.3).
/// Distances are the 3D antenna separation in km (as ns-3 does); valid for 1-20 km, h_b 30-200 m, h_m 1-10 m.
/// </summary>
/// <remarks>
/// The large-city COST-231 variant implemented here is the textbook one: a(h_m) = 3.2 (log10 11.75 h_m)^2 - 4.97
/// and C_m = 3 dB (153.52 dB at 2114 MHz, 2 km, h_b 30 m, h_m 1 m). ns-3 omits the -4.97 term (148.55 dB there).
/// Above 1500 MHz the suburban and open corrections are not defined by COST-231; those environments use the
/// medium-city formula (C_m = 0) as ns-3 does.
/// </remarks>
public sealed class OkumuraHataPathLoss : IPathLossModel
{
    /// <summary>Creates the model for an environment and city size.</summary>
    public OkumuraHataPathLoss(HataEnvironment environment, CitySize citySize)
    {
        Environment = environment;
        CitySize = citySize;
    }

    /// <summary>The terrain class.</summary>
    public HataEnvironment Environment { get; }

    /// <summary>The city size (selects a(h_m)).</summary>
    public CitySize CitySize { get; }

    /// <inheritdoc />
    public string Name => Environment switch
    {
        HataEnvironment.Urban => CitySize == CitySize.Large ? "hata-urban-large" : "hata-urban",
        HataEnvironment.Suburban => "hata-suburban",
        _ => "hata-open",
    };

    /// <summary>
    /// Okumura-Hata: 150-1500 MHz, 1-20 km, h_b 30-200 m, h_m 1-10 m; COST-231 Hata extends the urban formula to
    /// 2000 MHz (COST 231 final report, 4.4), so the suburban and open corrections stop at 1500 MHz.
    /// </summary>
    public ModelValidity Validity => new(
        new ValidityRange(150, Environment == HataEnvironment.Urban ? 2000 : 1500, "MHz"),
        new ValidityRange(1000, 20_000, "m"), new ValidityRange(30, 200, "m"), new ValidityRange(1, 10, "m"),
        Environment == HataEnvironment.Urban ? "Okumura-Hata to 1500 MHz, COST-231 Hata to 2000 MHz" : "Okumura-Hata; COST-231 defines only urban areas above 1500 MHz");

    /// <inheritdoc />
    public Decibels Loss(Metres distance2D, LinkGeometry geometry)
    {
        var fMHz = geometry.Frequency.Megahertz;
        var logF = Math.Log10(fMHz);
        var hb = geometry.BaseStationHeight.Value;
        var hm = geometry.UserHeight.Value;
        var logHb = Math.Log10(hb);
        var dKm = geometry.Distance3D(distance2D).Value / 1000;
        var distanceTerm = (44.9 - (6.55 * logHb)) * Math.Log10(dKm);
        if (fMHz <= 1500)
        {
            var urban = 69.55 + (26.16 * logF) - (13.82 * logHb) - MobileCorrection(fMHz, hm) + distanceTerm;
            return new Decibels(Environment switch
            {
                HataEnvironment.Suburban => urban - (2 * Square(Math.Log10(fMHz / 28))) - 5.4,
                HataEnvironment.Open => urban - (4.78 * logF * logF) + (18.33 * logF) - 40.94,
                _ => urban,
            });
        }

        var large = Environment == HataEnvironment.Urban && CitySize == CitySize.Large;
        var aHm = large ? (3.2 * Square(Math.Log10(11.75 * hm))) - 4.97 : SmallCityCorrection(logF, hm);
        var cm = large ? 3.0 : 0.0;
        return new Decibels(46.3 + (33.9 * logF) - (13.82 * logHb) - aHm + distanceTerm + cm);
    }

    private double MobileCorrection(double fMHz, double hm)
    {
        if (CitySize == CitySize.SmallMedium)
        {
            return SmallCityCorrection(Math.Log10(fMHz), hm);
        }

        return fMHz < 200
            ? (8.29 * Square(Math.Log10(1.54 * hm))) - 1.1
            : (3.2 * Square(Math.Log10(11.75 * hm))) - 4.97;
    }

    private static double SmallCityCorrection(double logF, double hm) =>
        (((1.1 * logF) - 0.7) * hm) - ((1.56 * logF) - 0.8);

    private static double Square(double x) => x * x;
}
