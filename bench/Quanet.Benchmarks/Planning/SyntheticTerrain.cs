using Quanet.Planning.Terrain;

namespace Quanet.Benchmarks.Planning;

/// <summary>Seeded synthetic DEMs: rolling hills with an alpine rise in the south, and the example's single ridge.</summary>
internal static class SyntheticTerrain
{
    /// <summary>
    /// Hills of 50-250 m amplitude and 4-40 km wavelength (six seeded sine products) on 450 m, rising by up to
    /// 1,800 m south of 47.8 N: the relief of Bavaria in kind, not in detail.
    /// </summary>
    public static ElevationGrid Hills(double south, double north, double west, double east, double step, int seed)
    {
        var random = new Random(seed);
        var terms = new (double A, double Kx, double Ky, double Px, double Py)[6];
        for (var k = 0; k < terms.Length; k++)
        {
            var wavelengthDegrees = (4 + (36 * random.NextDouble())) / 111.0;
            terms[k] = (50 + (200 * random.NextDouble()), 2 * Math.PI / wavelengthDegrees, 2 * Math.PI / wavelengthDegrees * (0.5 + random.NextDouble()),
                2 * Math.PI * random.NextDouble(), 2 * Math.PI * random.NextDouble());
        }

        return Fill(south, north, west, east, step, (lat, lon) =>
        {
            var h = 450.0;
            foreach (var t in terms)
            {
                h += t.A * Math.Sin((t.Kx * lon) + t.Px) * Math.Sin((t.Ky * lat) + t.Py);
            }

            var alps = Math.Clamp((47.8 - lat) / 0.5, 0, 1);
            return h + (1800 * alps * alps * (3 - (2 * alps)));
        }, "synthetic hills");
    }

    /// <summary>Flat ground at 250 m with one north-south ridge of <paramref name="height"/> m (Gaussian, 1.5 km wide) at <paramref name="ridgeLongitude"/>.</summary>
    public static ElevationGrid Ridge(double south, double north, double west, double east, double step, double ridgeLongitude, double height) =>
        Fill(south, north, west, east, step, (lat, lon) =>
        {
            var x = (lon - ridgeLongitude) * 111_195 * Math.Cos(lat * Math.PI / 180) / 1500;
            return 250 + (height * Math.Exp(-x * x));
        }, "synthetic ridge");

    private static ElevationGrid Fill(double south, double north, double west, double east, double step, Func<double, double, double> height, string description)
    {
        var rows = (int)Math.Round((north - south) / step) + 1;
        var columns = (int)Math.Round((east - west) / step) + 1;
        var heights = new float[rows * columns];
        Parallel.For(0, rows, r =>
        {
            var lat = north - (r * step);
            for (var c = 0; c < columns; c++)
            {
                heights[(r * columns) + c] = (float)Math.Round(height(lat, west + (c * step)));
            }
        });

        return new ElevationGrid(heights, rows, columns, north, west, step, step, description);
    }
}
