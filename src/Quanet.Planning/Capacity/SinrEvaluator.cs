using Quanet.Core.Geodesy;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Radio;
using Quanet.Planning.Scenario;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Capacity;

/// <summary>
/// Downlink SINR of every demand point for a set of open sites: the received power of each open site within the
/// interference cut-off (<see cref="CutoffMetres"/>) through the scenario's path-loss model (plus the terrain's excess
/// loss when the scenario has a DEM), the strongest as server and all others as co-channel interferers at full load
/// (reuse 1, one carrier), over thermal noise. Received power is the median: EIRP + user gain - body - penetration -
/// path loss, without the fade margin that only the coverage test applies.
/// </summary>
internal sealed partial class SinrEvaluator
{
    /// <summary>How far below the noise one site's power is at the cut-off distance, dB.</summary>
    public const double CutoffBelowNoiseDb = 30;

    /// <summary>Longest cut-off considered, m (a site's power is left out beyond it even if above the level).</summary>
    public const double MaxCutoffMetres = 300_000;

    private readonly PlanScenario _scenario;
    private readonly double _offsetDbm;
    private readonly double[] _dx;
    private readonly double[] _dy;
    private readonly double _pad;
    private readonly IElevationModel? _dem;
    private readonly double[]? _demandGround;
    private readonly double _wavelength;

    public SinrEvaluator(PlanScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        var request = scenario.Request;
        var budget = request.LinkBudget;
        _offsetDbm = budget.Eirp.Value + budget.RxAntennaGainDbi - budget.BodyLossDb - budget.PenetrationLossDb;
        NoiseDbm = LinkBudget.ThermalNoiseDensityDbmPerHz + (10 * Math.Log10(budget.BandwidthHz)) + budget.NoiseFigureDb;
        NoiseMilliwatts = Math.Pow(10, NoiseDbm / 10);
        Frequency = Frequency.FromMegahertz(request.BandMegahertz);
        UserHeight = new Metres(request.UserHeightMetres);
        _wavelength = 299_792_458.0 / Frequency.Hertz;

        // the cut-off: the distance at which the strongest kind of site (its height) falls CutoffBelowNoiseDb below noise
        var cutLoss = new Decibels(_offsetDbm - (NoiseDbm - CutoffBelowNoiseDb));
        var heights = new HashSet<double>();
        var cutoff = CoverageRadius.MinimumMetres;
        foreach (var site in scenario.Sites)
        {
            if (heights.Add(site.Height.Value))
            {
                var geometry = new LinkGeometry(Frequency, site.Height, UserHeight);
                cutoff = Math.Max(cutoff, CoverageRadius.Solve(scenario.Model, geometry, cutLoss, new Metres(MaxCutoffMetres)).Value);
            }
        }

        CutoffMetres = cutoff;
        var worst = double.NegativeInfinity;
        foreach (var h in heights)
        {
            var loss = scenario.Model.Loss(new Metres(cutoff), new LinkGeometry(Frequency, new Metres(h), UserHeight)).Value;
            worst = Math.Max(worst, _offsetDbm - loss);
        }

        CutoffPowerMilliwatts = Math.Pow(10, worst / 10);
        var demand = scenario.Demand;
        _dx = new double[demand.Count];
        _dy = new double[demand.Count];
        var maxRho = 0.0;
        for (var i = 0; i < demand.Count; i++)
        {
            (_dx[i], _dy[i]) = scenario.Region.Projection.Forward(demand[i].Location);
            maxRho = Math.Max(maxRho, Math.Sqrt((_dx[i] * _dx[i]) + (_dy[i] * _dy[i])));
        }

        _pad = 1 + LocalProjection.MaxScaleError(maxRho + cutoff) + 1e-6;
        _dem = scenario.Dem;
        if (_dem is not null)
        {
            _demandGround = new double[demand.Count];
            for (var i = 0; i < demand.Count; i++)
            {
                _demandGround[i] = _dem.Height(demand[i].Location.Latitude, demand[i].Location.Longitude);
            }
        }
    }

    /// <summary>Thermal noise over the carrier plus the noise figure, dBm.</summary>
    public double NoiseDbm { get; }

    /// <summary>The same in mW.</summary>
    public double NoiseMilliwatts { get; }

    /// <summary>Carrier frequency.</summary>
    public Frequency Frequency { get; }

    /// <summary>Receiver height.</summary>
    public Metres UserHeight { get; }

    /// <summary>Sites farther than this from a demand point are left out of its interference, m.</summary>
    public double CutoffMetres { get; }

    /// <summary>The most power any one site can deliver at <see cref="CutoffMetres"/> (flat earth), mW: the bound on each left-out site.</summary>
    public double CutoffPowerMilliwatts { get; }

    /// <summary>The scenario.</summary>
    public PlanScenario Scenario => _scenario;

    /// <summary>Median received power of site <paramref name="site"/> at demand point <paramref name="demand"/>, mW.</summary>
    /// <param name="site">Site index.</param>
    /// <param name="demand">Demand index.</param>
    /// <param name="profile">A profile buffer of the calling thread (used only with a DEM).</param>
    public double Power(int site, int demand, TerrainProfile? profile)
    {
        var s = _scenario.Sites[site];
        var p = _scenario.Demand[demand].Location;
        var distance = GreatCircle.DistanceMetres(s.Location.Latitude, s.Location.Longitude, p.Latitude, p.Longitude);
        return Power(site, demand, distance, profile);
    }

    private double Power(int site, int demand, double distance, TerrainProfile? profile)
    {
        var s = _scenario.Sites[site];
        var loss = _scenario.Model.Loss(new Metres(Math.Max(CoverageRadius.MinimumMetres, distance)), new LinkGeometry(Frequency, s.Height, UserHeight)).Value;
        if (_dem is not null && profile is not null)
        {
            var siteGround = _dem.Height(s.Location.Latitude, s.Location.Longitude);
            var (excess, _) = TerrainLoss.Excess(_dem, profile, s.Location, siteGround, s.Height.Value, _scenario.Demand[demand].Location, _demandGround![demand], UserHeight.Value, _wavelength);
            if (!double.IsNaN(excess))
            {
                loss += excess;
            }
        }

        return Math.Pow(10, (_offsetDbm - loss) / 10);
    }

    /// <summary>A profile buffer when the scenario has a DEM (one per thread), else null.</summary>
    public TerrainProfile? NewProfile() => _dem is null ? null : new TerrainProfile();
}
