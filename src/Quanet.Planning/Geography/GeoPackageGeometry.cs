using Quanet.Core;

namespace Quanet.Planning.Geography;

/// <summary>The WKB inside a GeoPackage geometry blob, for the GeoPackage readers (regions, candidates).</summary>
internal static class GeoPackageGeometry
{
    // GeoPackage binary (OGC 12-128r18, 2.1.3.1.1): "GP", version, flags (bits 1-3: envelope kind), srs_id, envelope, WKB.
    public static byte[] Body(byte[] blob, string name)
    {
        if (blob.Length < 8 || blob[0] != 'G' || blob[1] != 'P')
        {
            throw new InputFormatException(name, 1, "a geometry is not GeoPackage binary (no 'GP' header)");
        }

        var envelope = ((blob[3] >> 1) & 7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var kind => throw new InputFormatException(name, 1, $"a geometry has envelope kind {kind}, which GeoPackage does not define"),
        };
        return blob.Length < 8 + envelope ? throw new InputFormatException(name, 1, "a geometry blob is shorter than its header") : blob[(8 + envelope)..];
    }
}
