using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Planning.Geography;

/// <summary>
/// Reads a GeoPackage geometry blob (OGC 12-128r18 clause 2.1.3: "GP" header, envelope, WKB) with
/// NetTopologySuite.IO.GeoPackage, for the GeoPackage readers (regions, candidates); a malformed blob is one
/// <see cref="InputFormatException"/>.
/// </summary>
internal static class GeoPackageGeometry
{
    /// <summary>The geometry of <paramref name="blob"/>.</summary>
    /// <param name="blob">The geometry column's value.</param>
    /// <param name="name">The file, for the error.</param>
    public static Geometry Read(byte[] blob, string name)
    {
        // the header is checked here so that a foreign blob gets a clear line, not the library's message
        if (blob.Length < 8 || blob[0] != 'G' || blob[1] != 'P')
        {
            throw new InputFormatException(name, 1, "a geometry is not GeoPackage binary (no 'GP' header)");
        }

        try
        {
            return new GeoPackageGeoReader().Read(blob);
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException or IOException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException or OverflowException)
        {
            throw new InputFormatException(name, 1, "a geometry blob is malformed: " + Printable.Escape(ex.Message));
        }
    }
}
