using Quanet.Core.Geodesy;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Radio;
using Quanet.Planning.Terrain;
using PlacementPlan = Quanet.Planning.Scenario.Plan;

namespace Quanet.Planning.Raster;

/// <summary>
/// Computes a plan's best-server signal raster over its region's bounding box: per pixel centre inside the region and
/// within a chosen site's coverage radius, the received power the link budget compares with the sensitivity,
/// EIRP + G_rx - body loss - penetration loss - fade margin - L(d) - L_terrain, where L is the plan's path-loss model at
/// the site's antenna height and L_terrain the same excess diffraction loss the plan's coverage used (none without a
/// DEM). A pixel is covered exactly when its value reaches the sensitivity. Sites are bucketed by bands of rows, and a
/// site only visits the pixels of its own disc: never every pixel with every site.
/// </summary>
public static class CoverageRasterBuilder
{
    /// <summary>The most pixels a raster may have: 25,000,000 (100 MB of float32 before compression).</summary>
    public const long MaxPixels = 25_000_000;

    private const int BandRows = 32;

    /// <summary>Builds the raster of <paramref name="plan"/>'s chosen sites.</summary>
    /// <param name="plan">The solved plan.</param>
    /// <param name="resolution">The pixel size asked for; coarsened when the box would exceed <see cref="MaxPixels"/>.</param>
    /// <param name="dem">The plan's elevation model, or null for flat earth.</param>
    /// <param name="timeProvider">Clock for <see cref="CoverageRaster.Elapsed"/>; null for the system clock.</param>
    public static CoverageRaster Build(PlacementPlan plan, RasterResolution resolution, IElevationModel? dem, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var time = timeProvider ?? TimeProvider.System;
        var start = time.GetTimestamp();
        var scenario = plan.Scenario;
        var request = scenario.Request;
        var box = scenario.Region.Outline.EnvelopeInternal;
        var (grid, coarsening) = RasterGrid.Cover(box.MinX, box.MinY, box.MaxX, box.MaxY, resolution, MaxPixels);
        var chosen = plan.Result.Sites;
        var sites = new Transmitter[chosen.Length];
        var frequency = Frequency.FromMegahertz(request.BandMegahertz);
        var userHeight = new Metres(request.UserHeightMetres);
        for (var k = 0; k < chosen.Length; k++)
        {
            var site = scenario.Sites[chosen[k]];
            var ground = dem?.Height(site.Location.Latitude, site.Location.Longitude) ?? double.NaN;
            sites[k] = new Transmitter(site.Location.Latitude, site.Location.Longitude, scenario.SiteRadius[chosen[k]], ground + site.Height.Value,
                new LinkGeometry(frequency, site.Height, userHeight));
        }

        var power = new float[grid.Pixels];
        var server = new int[grid.Pixels];
        Array.Fill(power, float.NaN);
        var bands = Bands(grid, sites);
        var mask = new RegionMask(scenario.Region.Outline);
        var context = new Context(grid, sites, scenario.Model, ReceivedPowerAtZeroLoss(request.LinkBudget), dem, request.UserHeightMetres, 299_792_458.0 / frequency.Hertz);
        Parallel.For(0, bands.Length, () => new Worker(grid.Columns), (b, _, worker) =>
        {
            var last = Math.Min(grid.Rows, (b + 1) * BandRows);
            for (var row = b * BandRows; row < last; row++)
            {
                FillRow(context, bands[b], mask, row, worker, power, server);
            }

            return worker;
        }, _ => { });
        return new CoverageRaster(grid, power, server, resolution, coarsening, time.GetElapsedTime(start));
    }

    /// <summary>The received power at 0 dB path loss: EIRP + G_rx - body loss - penetration loss - fade margin, dBm.</summary>
    public static double ReceivedPowerAtZeroLoss(LinkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return budget.Eirp.Value + budget.RxAntennaGainDbi - budget.BodyLossDb - budget.PenetrationLossDb - budget.FadeMarginDb;
    }

    // for each band of rows, the sites whose disc reaches it
    private static List<int>[] Bands(RasterGrid grid, Transmitter[] sites)
    {
        var bands = new List<int>[(grid.Rows + BandRows - 1) / BandRows];
        for (var b = 0; b < bands.Length; b++)
        {
            bands[b] = [];
        }

        for (var k = 0; k < sites.Length; k++)
        {
            var reach = sites[k].RadiusMetres / RasterResolution.MetresPerDegree;
            var first = (int)Math.Floor((grid.North - (sites[k].Latitude + reach)) / grid.LatitudeStep);
            var last = (int)Math.Floor((grid.North - (sites[k].Latitude - reach)) / grid.LatitudeStep);
            if (last < 0 || first >= grid.Rows)
            {
                continue;
            }

            for (var b = Math.Max(0, first) / BandRows; b <= Math.Min(bands.Length - 1, last / BandRows); b++)
            {
                bands[b].Add(k);
            }
        }

        return bands;
    }

    private static void FillRow(Context x, List<int> band, RegionMask mask, int row, Worker worker, float[] power, int[] server)
    {
        var grid = x.Grid;
        var latitude = grid.CentreLatitude(row);
        var masked = false;
        foreach (var k in band)
        {
            var site = x.Sites[k];
            var reach = site.RadiusMetres / RasterResolution.MetresPerDegree;
            if (Math.Abs(latitude - site.Latitude) > reach)
            {
                continue;
            }

            if (!masked)
            {
                mask.Fill(grid, row, worker.Inside, worker.Crossings);
                masked = true;
            }

            // the widest longitude extent of a spherical cap of angular radius rho around latitude phi: asin(sin rho / cos phi)
            var rho = site.RadiusMetres / GreatCircle.EarthRadiusMetres;
            var cosPhi = Math.Cos(site.Latitude * Math.PI / 180);
            var halfWidth = CapHalfWidth(rho, cosPhi);
            var first = Math.Max(0, (int)Math.Floor((site.Longitude - halfWidth - grid.West) / grid.LongitudeStep));
            var last = Math.Min(grid.Columns - 1, (int)Math.Floor((site.Longitude + halfWidth - grid.West) / grid.LongitudeStep));
            for (var c = first; c <= last; c++)
            {
                if (!worker.Inside[c])
                {
                    continue;
                }

                var longitude = grid.CentreLongitude(c);
                var distance = GreatCircle.DistanceMetres(site.Latitude, site.Longitude, latitude, longitude);
                if (distance > site.RadiusMetres)
                {
                    continue;
                }

                var loss = x.Model.Loss(new Metres(Math.Max(CoverageRadius.MinimumMetres, distance)), site.Geometry).Value;
                if (x.Dem is { } dem && !double.IsNaN(site.AntennaAboveSea) && dem.Height(latitude, longitude) is var ground && !double.IsNaN(ground))
                {
                    // the antenna's height above sea level stands for ground + mast (the loss only needs their sum)
                    loss += TerrainLoss.Excess(dem, worker.Profile, new GeoPoint(site.Latitude, site.Longitude), site.AntennaAboveSea, 0, new GeoPoint(latitude, longitude), ground, x.UserHeight, x.Wavelength).Loss;
                }

                var value = (float)(x.ZeroLossPower - loss);
                var i = ((long)row * grid.Columns) + c;
                if (server[i] == 0 || value > power[i])
                {
                    power[i] = value;
                    server[i] = k + 1;
                }
            }
        }

        static double CapHalfWidth(double rho, double cosPhi) =>
            cosPhi <= Math.Sin(rho) ? 180 : (Math.Asin(Math.Sin(rho) / cosPhi) * 180 / Math.PI);
    }

    private readonly record struct Transmitter(double Latitude, double Longitude, double RadiusMetres, double AntennaAboveSea, LinkGeometry Geometry);

    private sealed record Context(RasterGrid Grid, Transmitter[] Sites, IPathLossModel Model, double ZeroLossPower, IElevationModel? Dem, double UserHeight, double Wavelength);

    private sealed class Worker(int columns)
    {
        public bool[] Inside { get; } = new bool[columns];

        public List<double> Crossings { get; } = [];

        public TerrainProfile Profile { get; } = new();
    }
}
