using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>
/// The modelled population surface: each place's people spread over a disc-shaped urban area with Clark's
/// negative-exponential density D(r) = D0 exp(-r / b) (C. Clark, "Urban population densities", J. Royal Statistical
/// Society A 114(4), 1951, 490-496), truncated at the urban radius R, and summed onto a <see cref="CellGrid"/>.
/// <list type="bullet">
/// <item>Urban area from the population by the urban-scaling law A = a P^(5/6) (L. Bettencourt, "The origins of scaling
/// in cities", Science 340, 2013, 1438-1441: land area grows with exponent 2/3 to 5/6; 5/6 = 0.833 is his value for
/// urban land area and close to the 0.85 measured for US metropolitan areas), with a = 0.0023 km², chosen here so that a
/// city of 1,000,000 covers 230 km² (Munich, 1.5 million people, gets 320 km², about its built-up area). R = sqrt(A / pi).</item>
/// <item>Density gradient b = R / 3: the density at the urban edge is e^-3 = 5 % of the centre's. Clark's gradients
/// flatten as cities grow; b grows with R here, as P^(5/12).</item>
/// <item>D0 so that the disc holds exactly P: P = 2 pi D0 b² (1 - e^(-R/b) (1 + R/b)). On the grid each touched cell
/// gets the density summed over a sub-grid of sample points (at most b / 2 apart), and the place's P is divided in
/// proportion, so the cells of a place sum to P exactly; a place whose disc misses every sample point gives all to
/// the cell holding its centre.</item>
/// </list>
/// A model, not a census: every place is one round, centred town; villages outside GeoNames' list, suburbs
/// between places and the countryside's scattered houses have no people at all.
/// </summary>
internal static class ClarkSurface
{
    /// <summary>a of A = a P^(5/6), m² (0.0023 km²).</summary>
    public const double AreaCoefficientSquareMetres = 2_300;

    /// <summary>The urban-scaling exponent of the area.</summary>
    public const double AreaExponent = 5.0 / 6.0;

    /// <summary>R / b.</summary>
    public const double RadiusOverGradient = 3;

    private const int MaxSamplesPerAxis = 16;

    /// <summary>The urban radius R of a place of <paramref name="population"/> people, metres.</summary>
    public static double UrbanRadius(double population) =>
        population > 0 ? Math.Sqrt(AreaCoefficientSquareMetres * Math.Pow(population, AreaExponent) / Math.PI) : 0;

    /// <summary>The central density D0 (people per m²) that puts <paramref name="population"/> people in the disc of radius <paramref name="radius"/> with gradient <paramref name="gradient"/>.</summary>
    public static double CentralDensity(double population, double radius, double gradient)
    {
        var u = radius / gradient;
        return population / (2 * Math.PI * gradient * gradient * (1 - (Math.Exp(-u) * (1 + u))));
    }

    /// <summary>Spreads every place with people onto <paramref name="grid"/> in <paramref name="projection"/>'s plane.</summary>
    public static void Spread(IReadOnlyList<Place> places, LocalProjection projection, CellGrid grid)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(grid);
        var shares = new List<(double X, double Y, double Weight)>();
        foreach (var place in places)
        {
            if (place.Population <= 0)
            {
                continue;
            }

            var (x, y) = projection.Forward(place.Location);
            Spread(x, y, place.Population, place.Name, grid, shares);
        }
    }

    /// <summary>Spreads one place of <paramref name="population"/> people centred on plane point (x, y).</summary>
    public static void Spread(double x, double y, double population, string name, CellGrid grid, List<(double X, double Y, double Weight)> shares)
    {
        var c = grid.CellSize;
        var radius = UrbanRadius(population);
        var gradient = radius / RadiusOverGradient;
        var n = Math.Clamp((int)Math.Ceiling(2 * c / gradient), 2, MaxSamplesPerAxis);
        var step = c / n;
        shares.Clear();
        var total = 0.0;
        for (var i = (long)Math.Floor((x - radius) / c); i <= (long)Math.Floor((x + radius) / c); i++)
        {
            for (var j = (long)Math.Floor((y - radius) / c); j <= (long)Math.Floor((y + radius) / c); j++)
            {
                var weight = 0.0;
                for (var a = 0; a < n; a++)
                {
                    var dx = (i * c) + ((a + 0.5) * step) - x;
                    for (var b = 0; b < n; b++)
                    {
                        var dy = (j * c) + ((b + 0.5) * step) - y;
                        var r = Math.Sqrt((dx * dx) + (dy * dy));
                        if (r <= radius)
                        {
                            weight += Math.Exp(-r / gradient);
                        }
                    }
                }

                if (weight > 0)
                {
                    shares.Add(((i + 0.5) * c, (j + 0.5) * c, weight));
                    total += weight;
                }
            }
        }

        if (total <= 0)
        {
            grid.Add(x, y, population, name);
            return;
        }

        foreach (var (cx, cy, w) in shares)
        {
            grid.Add(cx, cy, population * (w / total), name);
        }
    }
}
