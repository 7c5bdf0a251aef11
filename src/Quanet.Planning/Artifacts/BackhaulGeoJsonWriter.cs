using System.Text.Json;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// Writes a plan directory's <c>backhaul.geojson</c>: a FeatureCollection (RFC 7946, lon/lat) with the top-level
/// <c>"quanet_version"</c> and one LineString per link, properties <c>kind</c> ("backhaul"), <c>from</c>, <c>to</c>,
/// <c>length_km</c>, <c>cost</c> (both to 3 decimals) and <c>existing</c>. Read back by <see cref="BackhaulGeoJsonReader"/>.
/// </summary>
public static class BackhaulGeoJsonWriter
{
    /// <summary>Writes <paramref name="links"/> to <paramref name="path"/> (created or replaced).</summary>
    public static void Save(IReadOnlyList<BackhaulLink> links, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(links, stream);
    }

    /// <summary>Writes <paramref name="links"/> to <paramref name="stream"/> as indented UTF-8 JSON.</summary>
    public static void Write(IReadOnlyList<BackhaulLink> links, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber(ArtifactVersion.Field, ArtifactVersion.Current);
        w.WriteStartArray("features");
        foreach (var raw in links)
        {
            var link = Recorded(raw);
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            foreach (var (lon, lat) in (ReadOnlySpan<(double, double)>)[(link.FromLon, link.FromLat), (link.ToLon, link.ToLat)])
            {
                w.WriteStartArray();
                w.WriteNumberValue(lon);
                w.WriteNumberValue(lat);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("kind", "backhaul");
            w.WriteString("from", link.From);
            w.WriteString("to", link.To);
            w.WriteNumber("length_km", link.LengthKm);
            w.WriteNumber("cost", link.Cost);
            w.WriteBoolean("existing", link.Existing);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// The link as the file records it (and <see cref="BackhaulGeoJsonReader"/> gives it back): length and cost to
    /// 3 decimals (metres), positions to 1e-6 degrees. Steps after the design work on this, whether or not it was written.
    /// </summary>
    public static BackhaulLink Recorded(BackhaulLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link with
        {
            LengthKm = Math.Round(link.LengthKm, 3),
            Cost = Math.Round(link.Cost, 3),
            FromLat = Math.Round(link.FromLat, 6),
            FromLon = Math.Round(link.FromLon, 6),
            ToLat = Math.Round(link.ToLat, 6),
            ToLon = Math.Round(link.ToLon, 6),
        };
    }
}
