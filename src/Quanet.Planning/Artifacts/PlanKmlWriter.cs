using System.Globalization;
using System.Xml;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// Writes a plan as KML 2.2 (OGC 07-147r2) for Google Earth and GIS tools: one folder of site placemarks (points,
/// with the population each serves) and, when there is a backhaul, one folder of fibre links (line strings).
/// Coordinates are <c>lon,lat</c> in WGS 84 with the 1e-6 degree precision plan.geojson records.
/// </summary>
public static class PlanKmlWriter
{
    /// <summary>The KML 2.2 namespace.</summary>
    public const string Namespace = "http://www.opengis.net/kml/2.2";

    /// <summary>Writes <paramref name="plan"/>'s sites and <paramref name="links"/> to <paramref name="path"/>.</summary>
    public static void Save(PlanArtifact plan, IReadOnlyList<BackhaulLink> links, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(plan, links, stream);
    }

    /// <summary>Writes <paramref name="plan"/>'s sites and <paramref name="links"/> to <paramref name="stream"/> (UTF-8).</summary>
    public static void Write(PlanArtifact plan, IReadOnlyList<BackhaulLink> links, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("kml", Namespace);
        xml.WriteStartElement("Document", Namespace);
        xml.WriteElementString("name", Namespace, "Quanet plan");
        xml.WriteStartElement("Folder", Namespace);
        xml.WriteElementString("name", Namespace, "sites");
        foreach (var site in plan.Sites)
        {
            xml.WriteStartElement("Placemark", Namespace);
            xml.WriteAttributeString("id", "site-" + site.Id);
            xml.WriteElementString("name", Namespace, site.Name);
            xml.WriteElementString("description", Namespace, string.Create(CultureInfo.InvariantCulture, $"site {site.Id}: serves {site.PopulationCovered:0} people"));
            xml.WriteStartElement("Point", Namespace);
            xml.WriteElementString("coordinates", Namespace, Coordinates(site.Location.Longitude, site.Location.Latitude));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (links.Count > 0)
        {
            xml.WriteStartElement("Folder", Namespace);
            xml.WriteElementString("name", Namespace, "backhaul");
            foreach (var link in links)
            {
                xml.WriteStartElement("Placemark", Namespace);
                xml.WriteElementString("name", Namespace, $"{link.From} - {link.To}");
                xml.WriteElementString("description", Namespace, string.Create(CultureInfo.InvariantCulture, $"{link.LengthKm:0.###} km{(link.Existing ? ", existing fibre" : string.Empty)}"));
                xml.WriteStartElement("LineString", Namespace);
                xml.WriteElementString("coordinates", Namespace, Coordinates(link.FromLon, link.FromLat) + " " + Coordinates(link.ToLon, link.ToLat));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Coordinates(double longitude, double latitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(longitude, 6):0.######},{Math.Round(latitude, 6):0.######}");
}
