using System.Globalization;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

public sealed class BullingtonDiffractionTests
{
    [Fact]
    public void Reproduces_the_itu_validation_example_beyond_the_horizon()
    {
        // ITU-R P.1812-6 validation example "rburg_rural_noclutter" (reference implementation approved by WP 3K,
        // github.com/eeveetza/p1812, validation_results/rburg_rural_noclutter_1.csv): f = 98.2 MHz, hts = 407 m,
        // hrs = 515 m amsl, ae = 8930.776786 km, Lbulla = 35.86385024 dB. P.1812 takes lambda = 0.2998 / f[GHz].
        var (d, h) = Profile();

        var (loss, lineOfSight) = BullingtonDiffraction.Loss(d, h, 407, 515, 8_930_776.786, 0.2998 / 0.0982);

        Assert.False(lineOfSight);
        Assert.Equal(35.86385024, loss, 1e-6);
    }

    [Fact]
    public void Reproduces_the_itu_validation_example_in_line_of_sight()
    {
        // the same profile with 1000 m and 200 m masts (rburg_rural_noclutter_los_1.csv): hts = 1395, hrs = 696, Lbulla = 0
        var (d, h) = Profile();

        var (loss, lineOfSight) = BullingtonDiffraction.Loss(d, h, 1395, 696, 8_930_776.786, 0.2998 / 0.0982);

        Assert.True(lineOfSight);
        Assert.Equal(0, loss, 1e-9);
    }

    [Fact]
    public void A_single_edge_on_flat_ground_is_the_knife_edge_plus_the_distance_correction()
    {
        // flat ground at 0 m, antennas 0 m, one 25 m edge half-way on a 2 km path, no earth bulge (huge radius),
        // lambda 1/3 m: nu = 2.7386 by hand (KnifeEdgeTests), Luc = J(nu) = 21.65 dB,
        // L = Luc + (1 - exp(-Luc/6)) (10 + 0.02 * 2) = 21.65 + 0.9729 * 10.04 = 31.42 dB
        double[] d = [0, 500, 1000, 1500, 2000];
        double[] h = [0, 0, 25, 0, 0];

        var (loss, lineOfSight) = BullingtonDiffraction.Loss(d, h, 0, 0, 1e15, 1.0 / 3);

        var luc = KnifeEdge.Loss(KnifeEdge.Parameter(25, 1000, 1000, 1.0 / 3));
        Assert.False(lineOfSight);
        Assert.Equal(luc + ((1 - Math.Exp(-luc / 6)) * 10.04), loss, 1e-9);
        Assert.Equal(31.42, loss, 0.01);
    }

    [Fact]
    public void The_earth_bulge_with_k_four_thirds_closes_a_20_km_path_between_5_m_masts()
    {
        // bulge at mid-path d1 d2 / (2 k a) = 10 km * 10 km / (2 * 8494.7 km) = 5.886 m: 5 m masts are blocked, 7 m clear it
        var d = new double[201];
        var h = new double[201];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = i * 100.0;
        }

        Assert.False(BullingtonDiffraction.Loss(d, h, 5, 5, TerrainShadowing.EffectiveEarthRadiusMetres, 0.375).LineOfSight);
        Assert.True(BullingtonDiffraction.Loss(d, h, 7, 7, TerrainShadowing.EffectiveEarthRadiusMetres, 0.375).LineOfSight);
    }

    [Fact]
    public void Void_samples_are_no_obstacle()
    {
        double[] d = [0, 500, 1000, 1500, 2000];
        double[] h = [0, double.NaN, double.NaN, double.NaN, 0];

        var (loss, lineOfSight) = BullingtonDiffraction.Loss(d, h, 10, 10, 1e15, 0.375);

        Assert.True(lineOfSight);
        Assert.Equal(0, loss);
    }

    internal static (double[] Distance, double[] Height) Profile()
    {
        var d = new List<double>();
        var h = new List<double>();
        foreach (var line in File.ReadLines(Path.Combine(TestData.RepositoryRoot, "tests", "Quanet.Planning.Tests", "Terrain", "Data", "p1812-rburg.csv")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(',');
            d.Add(double.Parse(parts[0], CultureInfo.InvariantCulture) * 1000);
            h.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        Assert.Equal(963, d.Count);
        return ([.. d], [.. h]);
    }
}
