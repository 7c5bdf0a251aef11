using Quanet.Planning.Geography;
using Quanet.Planning.Population;

namespace Quanet.Planning.Tests.Population;

public sealed class ClarkSurfaceTests
{
    [Theory]
    [InlineData(150, 1000)]
    [InlineData(4_000, 1000)]
    [InlineData(60_000, 250)]
    [InlineData(1_470_000, 1000)]
    [InlineData(1_470_000, 5000)]
    public void A_place_puts_exactly_its_population_on_the_grid(double population, double cell)
    {
        var grid = new CellGrid(cell);

        ClarkSurface.Spread(1234.5, -678.9, population, "town", grid, []);

        Assert.Equal(population, grid.Total, 1e-9 * population);
    }

    [Fact]
    public void The_central_density_puts_the_population_in_the_disc()
    {
        // P = integral over 0..R of D0 exp(-r/b) 2 pi r dr, by the midpoint rule on 100,000 rings
        const double P = 250_000;
        var r = ClarkSurface.UrbanRadius(P);
        var b = r / ClarkSurface.RadiusOverGradient;
        var d0 = ClarkSurface.CentralDensity(P, r, b);
        var sum = 0.0;
        const int N = 100_000;
        for (var k = 0; k < N; k++)
        {
            var ring = (k + 0.5) * r / N;
            sum += d0 * Math.Exp(-ring / b) * 2 * Math.PI * ring * (r / N);
        }

        Assert.Equal(P, sum, 1e-6 * P);
    }

    [Fact]
    public void The_urban_radius_follows_the_stated_scaling_rule()
    {
        // A = 0.0023 km² P^(5/6): a city of 1,000,000 covers 230 km², one of 1,000 about 0.73 km²
        Assert.Equal(230e6, Math.PI * Math.Pow(ClarkSurface.UrbanRadius(1_000_000), 2), 1e-3);
        Assert.Equal(2300 * Math.Pow(1000, 5.0 / 6), Math.PI * Math.Pow(ClarkSurface.UrbanRadius(1000), 2), 1e-6);
    }

    [Fact]
    public void Density_falls_from_the_centre_outwards_and_ends_at_the_urban_radius()
    {
        var grid = new CellGrid(1000);
        const double P = 1_000_000;

        ClarkSurface.Spread(0, 0, P, "city", grid, []);

        var r = ClarkSurface.UrbanRadius(P);
        Assert.True(grid.PeopleIn(0, 0) > grid.PeopleIn(3, 0));
        Assert.True(grid.PeopleIn(3, 0) > grid.PeopleIn(6, 0));
        Assert.Equal(0, grid.PeopleIn((long)Math.Ceiling(r / 1000) + 1, 0));
    }

    [Fact]
    public void The_region_surface_keeps_every_person_of_its_places()
    {
        var region = RegionBuilder.Build("DE", "09");

        var grid = new CellGrid(1000);
        ClarkSurface.Spread(region.Places, region.Projection, grid);
        var (points, _) = grid.ToDemand(region.Projection, clip: null);

        var people = region.Places.Sum(p => (double)p.Population);
        Assert.Equal(people, points.Sum(p => p.Weight), 1e-6 * people);
        Assert.True(points.Count > region.Places.Count, "towns spread over several cells");
    }
}
