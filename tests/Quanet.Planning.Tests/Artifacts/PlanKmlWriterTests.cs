using System.Globalization;
using System.Xml;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Artifacts;

public sealed class PlanKmlWriterTests
{
    private static readonly PlanArtifact Plan = new(
        [new PlanSite("s1", "Munich <north> & co", new GeoPoint(48.137154, 11.576124), 1200), new PlanSite("7", "7", new GeoPoint(-33.5, -70.25), 0)],
        []);

    private static readonly BackhaulLink[] Links = [new("s1", "7", 12.3456, 12.3456, false, 48.137154, 11.576124, -33.5, -70.25)];

    [Fact]
    public void Sites_and_links_read_back_as_kml_placemarks_with_lon_lat_coordinates()
    {
        using var stream = new MemoryStream();
        PlanKmlWriter.Write(Plan, Links, stream);
        stream.Position = 0;

        var placemarks = ReadPlacemarks(stream);

        Assert.Equal(3, placemarks.Count);
        Assert.Equal(("Munich <north> & co", "Point", "11.576124,48.137154"), placemarks[0]);
        Assert.Equal(("7", "Point", "-70.25,-33.5"), placemarks[1]);
        Assert.Equal(("s1 - 7", "LineString", "11.576124,48.137154 -70.25,-33.5"), placemarks[2]);
        var (lon, lat) = Parse(placemarks[0].Coordinates);
        Assert.Equal(Plan.Sites[0].Location, new GeoPoint(lat, lon));
    }

    [Fact]
    public void Coverage_areas_are_styled_counter_clockwise_polygons_of_the_site_radius()
    {
        var plan = new PlanArtifact([new PlanSite("s1", "Munich", new GeoPoint(48.137154, 11.576124), 1200, 5_000)], []);
        using var stream = new MemoryStream();
        PlanKmlWriter.Write(plan, [], stream);
        stream.Position = 0;
        var document = new XmlDocument();
        document.Load(stream);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("k", PlanKmlWriter.Namespace);

        var coverage = document.SelectSingleNode("//k:Placemark[@id='coverage-s1']", ns)!;
        var ring = coverage.SelectSingleNode("k:Polygon/k:outerBoundaryIs/k:LinearRing/k:coordinates", ns)!.InnerText.Split(' ').Select(Parse).ToList();

        Assert.Equal("#coverage", coverage.SelectSingleNode("k:styleUrl", ns)!.InnerText);
        Assert.NotNull(document.SelectSingleNode("//k:Style[@id='coverage']/k:PolyStyle/k:color", ns));
        Assert.Equal("#site", document.SelectSingleNode("//k:Placemark[@id='site-s1']/k:styleUrl", ns)!.InnerText);
        Assert.Equal(CoverageCircle.Vertices + 1, ring.Count);
        Assert.Equal(ring[0], ring[^1]);
        var area = ring.Zip(ring.Skip(1), (a, b) => (a.Lon * b.Lat) - (b.Lon * a.Lat)).Sum() / 2;
        Assert.True(area > 0, "KML outer boundaries go counter-clockwise");
        var north = ring.Max(p => p.Lat);
        Assert.InRange((north - 48.137154) * 111_195, 4_990, 5_010);
    }

    [Fact]
    public void A_plan_without_backhaul_has_only_the_sites_folder()
    {
        using var stream = new MemoryStream();
        PlanKmlWriter.Write(Plan, [], stream);
        stream.Position = 0;

        var document = new XmlDocument();
        document.Load(stream);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("k", PlanKmlWriter.Namespace);

        Assert.Equal(1, document.SelectNodes("/k:kml/k:Document/k:Folder", ns)!.Count);
        Assert.Equal("sites", document.SelectSingleNode("/k:kml/k:Document/k:Folder/k:name", ns)!.InnerText);
    }

    private static List<(string Name, string Geometry, string Coordinates)> ReadPlacemarks(Stream stream)
    {
        var placemarks = new List<(string, string, string)>();
        using var reader = XmlReader.Create(stream);
        string? name = null, geometry = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != PlanKmlWriter.Namespace)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "Placemark":
                    name = null;
                    geometry = null;
                    break;
                case "name":
                    name ??= reader.ReadElementContentAsString();
                    break;
                case "Point" or "LineString":
                    geometry = reader.LocalName;
                    break;
                case "coordinates":
                    placemarks.Add((name!, geometry!, reader.ReadElementContentAsString()));
                    break;
                default:
                    break;
            }
        }

        return placemarks;
    }

    private static (double Lon, double Lat) Parse(string coordinates)
    {
        var parts = coordinates.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
