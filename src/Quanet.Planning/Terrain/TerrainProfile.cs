using Quanet.Core.Geodesy;

namespace Quanet.Planning.Terrain;

/// <summary>
/// A reusable buffer for the ground profile between two points: samples on the great circle at about a given step,
/// heights by the model's bilinear interpolation (void as NaN). Filled in place, so a hot loop allocates nothing
/// once the buffer has grown to its longest path.
/// </summary>
public sealed class TerrainProfile
{
    /// <summary>The most samples one profile takes; longer paths are sampled more coarsely.</summary>
    public const int MaxSamples = 20_001;

    private double[] _distance = new double[256];
    private double[] _height = new double[256];
    private double[] _smooth = new double[256];

    /// <summary>Number of samples, both ends included.</summary>
    public int Count { get; private set; }

    /// <summary>Distance of each sample from the start, metres.</summary>
    public ReadOnlySpan<double> Distance => _distance.AsSpan(0, Count);

    /// <summary>Ground height of each sample above sea level, metres; NaN where the model has none.</summary>
    public ReadOnlySpan<double> Height => _height.AsSpan(0, Count);

    /// <summary>
    /// The smooth ground of the same path: the straight line between the two end heights (the earth's bulge is added by
    /// the diffraction method, as for the actual profile); NaN if an end is void.
    /// </summary>
    public ReadOnlySpan<double> SmoothHeight => _smooth.AsSpan(0, Count);

    /// <summary>Samples the ground between two points at about <paramref name="step"/> metres.</summary>
    /// <param name="model">The elevation model.</param>
    /// <param name="latitude1">Start latitude, degrees.</param>
    /// <param name="longitude1">Start longitude, degrees.</param>
    /// <param name="latitude2">End latitude, degrees.</param>
    /// <param name="longitude2">End longitude, degrees.</param>
    /// <param name="step">Sampling step, metres, positive (the model's spacing is the natural choice).</param>
    public void Fill(IElevationModel model, double latitude1, double longitude1, double latitude2, double longitude2, double step)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        const double rad = Math.PI / 180;
        double p1 = latitude1 * rad, l1 = longitude1 * rad, p2 = latitude2 * rad, l2 = longitude2 * rad;
        double ax = Math.Cos(p1) * Math.Cos(l1), ay = Math.Cos(p1) * Math.Sin(l1), az = Math.Sin(p1);
        double bx = Math.Cos(p2) * Math.Cos(l2), by = Math.Cos(p2) * Math.Sin(l2), bz = Math.Sin(p2);
        var angle = GreatCircle.CentralAngle(latitude1, longitude1, latitude2, longitude2);
        var length = angle * GreatCircle.EarthRadiusMetres;
        var n = (int)Math.Clamp(Math.Ceiling(length / step) + 1, 3, MaxSamples);
        if (_distance.Length < n)
        {
            var size = Math.Min(MaxSamples, Math.Max(n, 2 * _distance.Length));
            _distance = new double[size];
            _height = new double[size];
            _smooth = new double[size];
        }

        var sinAngle = Math.Sin(angle);
        for (var k = 0; k < n; k++)
        {
            var f = (double)k / (n - 1);
            double x, y, z;
            if (sinAngle < 1e-12)
            {
                (x, y, z) = (ax + (f * (bx - ax)), ay + (f * (by - ay)), az + (f * (bz - az)));
            }
            else
            {
                // spherical linear interpolation between the two unit vectors
                var wa = Math.Sin((1 - f) * angle) / sinAngle;
                var wb = Math.Sin(f * angle) / sinAngle;
                (x, y, z) = ((wa * ax) + (wb * bx), (wa * ay) + (wb * by), (wa * az) + (wb * bz));
            }

            var lat = Math.Atan2(z, Math.Sqrt((x * x) + (y * y))) / rad;
            var lon = Math.Atan2(y, x) / rad;
            _distance[k] = f * length;
            _height[k] = model.Height(lat, lon);
        }

        double first = _height[0], last = _height[n - 1];
        for (var k = 0; k < n; k++)
        {
            var f = (double)k / (n - 1);
            _smooth[k] = first + (f * (last - first));
        }

        Count = n;
    }
}
