using Quanet.Core.Geodesy;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

public sealed class TerrainProfileTests
{
    [Fact]
    public void Samples_the_great_circle_at_about_the_step_with_both_ends()
    {
        // heights = longitude * 1000, so the samples show where on the path they were taken
        var grid = SyntheticDem.Grid(47, 48, 11, 12, 0.01, (_, lon) => (float)(lon * 1000));
        var profile = new TerrainProfile();

        profile.Fill(grid, 47.5, 11.1, 47.5, 11.9, 100);

        var length = GreatCircle.DistanceMetres(47.5, 11.1, 47.5, 11.9);
        Assert.Equal((int)Math.Ceiling(length / 100) + 1, profile.Count);
        Assert.Equal(0, profile.Distance[0]);
        Assert.Equal(length, profile.Distance[^1], 6);
        Assert.Equal(11_100, profile.Height[0], 3);
        Assert.Equal(11_900, profile.Height[^1], 3);
        Assert.InRange(profile.Height[profile.Count / 2], 11_500 - 1.5, 11_500 + 1.5); // within one 100 m step (0.0013 degrees) of the middle
        Assert.Equal(profile.Height[0], profile.SmoothHeight[0]);
        Assert.Equal(profile.Height[^1], profile.SmoothHeight[^1]);
    }

    [Fact]
    public void Refilling_a_shorter_path_allocates_nothing()
    {
        var grid = SyntheticDem.Grid(47, 48, 11, 12, 0.01, (_, _) => 1);
        var profile = new TerrainProfile();
        profile.Fill(grid, 47.1, 11.1, 47.9, 11.9, 90);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 100; k++)
        {
            profile.Fill(grid, 47.2, 11.2, 47.3, 11.4, 90);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
