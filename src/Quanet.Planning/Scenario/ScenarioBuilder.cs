using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Core.Units;
using Quanet.Planning.Coverage;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Planning.Population;
using Quanet.Planning.Radio;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Scenario;

/// <summary>Turns a <see cref="PlanRequest"/> into a <see cref="PlanScenario"/>: region, demand, candidates, radii, coverage.</summary>
public static class ScenarioBuilder
{
    /// <summary>Builds the scenario.</summary>
    /// <exception cref="QuanetException">Unknown region, empty region, malformed input file (including a DEM).</exception>
    /// <exception cref="ArgumentException">An option is out of range (band, spacing, heights, model name).</exception>
    public static PlanScenario Build(PlanRequest request, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (request.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var model = PathLossModels.Create(request.Model);
        var region = request.RegionFile is { } regionFile ? RegionBuilder.FromFile(request.Country, regionFile) : RegionBuilder.Build(request.Country, request.Admin1);

        var (demand, demandSource) = DemandBuilder.Build(region, request.DemandFile, request.PopulationFile, request.DemandModel, request.CellSizeKilometres);
        if (demand.Count == 0)
        {
            throw new QuanetException($"no demand points in {(request.DemandFile ?? request.PopulationFile) ?? "region " + region.Name}{(request.PopulationFile is null ? string.Empty : " inside region " + region.Name)}");
        }

        var siteHeight = new Metres(request.SiteHeightMetres);
        var sites = new List<CandidateSite>();
        if (request.SpacingKilometres > 0)
        {
            var grid = HexGrid.Generate(region.ProjectedOutline, request.SpacingKilometres * 1000);
            foreach (var (x, y) in grid)
            {
                var id = "g" + (sites.Count + 1).ToString(CultureInfo.InvariantCulture);
                sites.Add(new CandidateSite(id, id, region.Projection.Inverse(x, y), 1.0, siteHeight, SiteFlag.Free));
            }
        }

        if (request.CandidatesFile is { } candidateFile)
        {
            sites.AddRange(CandidateReader.ReadFile(candidateFile, siteHeight));
        }

        if (sites.Count == 0)
        {
            throw new QuanetException($"no candidate sites in region {region.Name} (grid spacing {request.SpacingKilometres} km and no candidate file)");
        }

        var start = timeProvider.GetTimestamp();
        var warnings = new List<string>();
        var radius = Radii(request, model, sites, warnings);
        var locations = new GeoPoint[sites.Count];
        var cost = new double[sites.Count];
        var flags = new SiteFlag[sites.Count];
        for (var j = 0; j < sites.Count; j++)
        {
            locations[j] = sites[j].Location;
            cost[j] = request.Capacity.OptimisationCost(sites[j]);
            flags[j] = sites[j].Flag;
        }

        var demandLocations = new GeoPoint[demand.Count];
        var weights = new double[demand.Count];
        for (var i = 0; i < demand.Count; i++)
        {
            demandLocations[i] = demand[i].Location;
            weights[i] = demand[i].Weight;
        }

        var covers = CoverageBuilder.Build(locations, radius, demandLocations, region.Projection);
        var terrain = TerrainSummary.FlatEarth;
        IElevationModel? dem = null;
        if (request.DemFiles is { Count: > 0 } demFiles)
        {
            dem = ElevationModels.Open(demFiles);
            var heights = new Metres[sites.Count];
            for (var j = 0; j < sites.Count; j++)
            {
                heights[j] = sites[j].Height;
            }

            (covers, terrain) = TerrainShadowing.Apply(
                dem, locations, heights, demandLocations, covers, model, Frequency.FromMegahertz(request.BandMegahertz),
                new Metres(request.UserHeightMetres), request.LinkBudget.MaximumPathLoss, timeProvider);
        }

        double[]? capacity = null;
        if (request.SiteCapacity is { } c)
        {
            capacity = new double[sites.Count];
            Array.Fill(capacity, c);
        }

        var instance = new CoverageInstance(weights, cost, covers, flags, capacity);
        return new PlanScenario(request, region, demand, sites, radius, model, instance, timeProvider.GetElapsedTime(start)) { Warnings = warnings, Terrain = terrain, Dem = dem, DemandSource = demandSource };
    }

    /// <summary>The coverage radius of a site of height <paramref name="height"/> under the request's radio settings.</summary>
    public static Metres RadiusFor(PlanRequest request, IPathLossModel model, Metres height)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(model);
        var geometry = new LinkGeometry(Frequency.FromMegahertz(request.BandMegahertz), height, new Metres(request.UserHeightMetres));
        return CoverageRadius.Solve(model, geometry, request.LinkBudget.MaximumPathLoss, new Metres(request.MaxRadiusMetres));
    }

    // The radius of every site, one computation per distinct height; each height whose geometry or radius leaves the
    // model's ranges is refused (naming the first such site) or, with AllowExtrapolation, gives one warning per range.
    private static double[] Radii(PlanRequest request, IPathLossModel model, List<CandidateSite> sites, List<string> warnings)
    {
        var cache = new Dictionary<double, double>();
        var radius = new double[sites.Count];
        for (var j = 0; j < sites.Count; j++)
        {
            var h = sites[j].Height.Value;
            if (!cache.TryGetValue(h, out var r))
            {
                r = RadiusFor(request, model, sites[j].Height).Value;
                cache.Add(h, r);
                var violations = model.Validity.Violations(model.Name, request.BandMegahertz, h, request.UserHeightMetres, r);
                if (violations.Count > 0 && !request.AllowExtrapolation)
                {
                    throw new QuanetException($"candidate site {Printable.Escape(sites[j].Id)}: {violations[0]} (allow extrapolation to use the model anyway)");
                }

                warnings.AddRange(violations.Select(v => "extrapolated: " + v).Where(v => !warnings.Contains(v)));
            }

            radius[j] = r;
        }

        return radius;
    }
}
