using Quanet.Benchmarks.Suites;
using Quanet.Planning.Terrain;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>terrain-example OUT.tif</c>: writes the example DEM of examples/terrain: Saarland at 0.003 degrees, flat 250 m
/// ground with a 400 m north-south ridge at 6.95 E.
/// </summary>
public sealed class TerrainExampleSuite : ISuite
{
    public string Name => "terrain-example";

    public int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : "saar-ridge.tif";
        GeoTiffDemWriter.Write(path, SyntheticTerrain.Ridge(49.1, 49.65, 6.35, 7.45, 0.003, 6.95, 400));
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
        return 0;
    }
}
