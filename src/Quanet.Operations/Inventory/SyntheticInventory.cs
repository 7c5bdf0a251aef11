namespace Quanet.Operations.Inventory;

/// <summary>
/// A seeded synthetic network for when no plan is given: cell sites scattered around a city
/// centre (clustered, like towns around a city), served by the synthesised backhaul of
/// <see cref="BackhaulSynthesis"/> (hub ring through the core, trees under hubs).
/// </summary>
public static class SyntheticInventory
{
    /// <summary>Builds a synthetic inventory.</summary>
    /// <param name="cellSites">Number of cell sites (default 40).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="sitesPerHub">Cell sites per aggregation hub (default 10).</param>
    public static NetworkInventory Create(int cellSites = 40, int seed = 1, int sitesPerHub = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSites);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sitesPerHub);
        var rng = new Random(seed);
        const double centreLat = 52.52, centreLon = 13.405;
        var towns = Math.Max(1, cellSites / 8);
        var townCentres = new (double Lat, double Lon)[towns];
        for (var t = 0; t < towns; t++)
        {
            var r = 0.05 + (0.25 * rng.NextDouble());
            var a = 2 * Math.PI * rng.NextDouble();
            townCentres[t] = (centreLat + (r * Math.Sin(a)), centreLon + (1.6 * r * Math.Cos(a)));
        }

        var sites = new List<NetworkSite>(cellSites);
        for (var i = 0; i < cellSites; i++)
        {
            var town = townCentres[rng.Next(towns)];
            var lat = town.Lat + (0.03 * Gaussian(rng));
            var lon = town.Lon + (0.05 * Gaussian(rng));
            sites.Add(new NetworkSite($"S{i + 1:D2}", SiteRole.Cell, Math.Round(lat, 5), Math.Round(lon, 5)));
        }

        var (all, links) = BackhaulSynthesis.Build(sites, sitesPerHub, seed);
        return InventoryLayout.Build(all, links);
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
