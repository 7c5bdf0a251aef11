using System.Globalization;
using System.Xml;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// Writes a plan as KML 2.2 (OGC 07-147r2) for Google Earth and GIS tools: a folder of site pins (points, with the
/// population each serves), a folder of coverage areas (the 72-gon of each site's radius, counter-clockwise as KML
/// wants outer boundaries) and, when there is a backhaul, a folder of fibre links (line strings), each kind with its
/// own shared style (the console's colours). Coordinates are <c>lon,lat</c> in WGS 84 with the 1e-6 degree precision
/// plan.geojson records.
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
        Style(xml, "site", ("IconStyle", "ff5b3512", 1.1));
        Style(xml, "coverage", ("LineStyle", "ccba7b2b", 1), ("PolyStyle", "40ba7b2b", 0));
        Style(xml, "backhaul", ("LineStyle", "ff853e5a", 2));
        xml.WriteStartElement("Folder", Namespace);
        xml.WriteElementString("name", Namespace, "sites");
        foreach (var site in plan.Sites)
        {
            xml.WriteStartElement("Placemark", Namespace);
            xml.WriteAttributeString("id", "site-" + site.Id);
            xml.WriteElementString("name", Namespace, site.Name);
            xml.WriteElementString("styleUrl", Namespace, "#site");
            xml.WriteElementString("description", Namespace, string.Create(CultureInfo.InvariantCulture, $"site {site.Id}: serves {site.PopulationCovered:0} people"));
            xml.WriteStartElement("Point", Namespace);
            xml.WriteElementString("coordinates", Namespace, Coordinates(site.Location.Longitude, site.Location.Latitude));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (plan.Sites.Any(s => s.RadiusMetres > 0))
        {
            xml.WriteStartElement("Folder", Namespace);
            xml.WriteElementString("name", Namespace, "coverage");
            foreach (var site in plan.Sites.Where(s => s.RadiusMetres > 0))
            {
                xml.WriteStartElement("Placemark", Namespace);
                xml.WriteAttributeString("id", "coverage-" + site.Id);
                xml.WriteElementString("name", Namespace, site.Name);
                xml.WriteElementString("styleUrl", Namespace, "#coverage");
                xml.WriteElementString("description", Namespace, string.Create(CultureInfo.InvariantCulture, $"site {site.Id}: coverage radius {site.RadiusMetres:0} m"));
                xml.WriteStartElement("Polygon", Namespace);
                xml.WriteStartElement("outerBoundaryIs", Namespace);
                xml.WriteStartElement("LinearRing", Namespace);
                xml.WriteElementString("coordinates", Namespace, string.Join(' ', CoverageCircle.Ring(site.Location, site.RadiusMetres).Select(p => Coordinates(p.Longitude, p.Latitude))));
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (links.Count > 0)
        {
            xml.WriteStartElement("Folder", Namespace);
            xml.WriteElementString("name", Namespace, "backhaul");
            foreach (var link in links)
            {
                xml.WriteStartElement("Placemark", Namespace);
                xml.WriteElementString("name", Namespace, $"{link.From} - {link.To}");
                xml.WriteElementString("styleUrl", Namespace, "#backhaul");
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

    // A shared style: each (element, aabbggrr colour, width or icon scale) as KML 2.2 orders a Style's children.
    private static void Style(XmlWriter xml, string id, params (string Element, string Colour, double Size)[] parts)
    {
        xml.WriteStartElement("Style", Namespace);
        xml.WriteAttributeString("id", id);
        foreach (var (element, colour, size) in parts)
        {
            xml.WriteStartElement(element, Namespace);
            xml.WriteElementString("color", Namespace, colour);
            switch (element)
            {
                case "IconStyle":
                    xml.WriteElementString("scale", Namespace, size.ToString(CultureInfo.InvariantCulture));
                    break;
                case "LineStyle":
                    xml.WriteElementString("width", Namespace, size.ToString(CultureInfo.InvariantCulture));
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Coordinates(double longitude, double latitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(longitude, 6):0.######},{Math.Round(latitude, 6):0.######}");
}
