using BenchmarkDotNet.Attributes;
using Quanet.Planning.Coverage;
using Quanet.Planning.Geography;
using Quanet.Planning.Scenario;

namespace Quanet.Benchmarks.Planning;

/// <summary>Coverage lists for Bavaria's default scenario (1,802 places, about 3,400 grid candidates).</summary>
[MemoryDiagnoser]
public class CoverageBuilderBenchmarks
{
    private GeoPoint[] _sites = [];
    private GeoPoint[] _demand = [];
    private double[] _radius = [];
    private LocalProjection _projection = new(new GeoPoint(0, 0));

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioBuilder.Build(new PlanRequest(), TimeProvider.System);
        _sites = scenario.Sites.Select(s => s.Location).ToArray();
        _demand = scenario.Demand.Select(d => d.Location).ToArray();
        _radius = scenario.SiteRadius;
        _projection = scenario.Region.Projection;
    }

    [Benchmark]
    public int[][] Bavaria() => CoverageBuilder.Build(_sites, _radius, _demand, _projection);
}
