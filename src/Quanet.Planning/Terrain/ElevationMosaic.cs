namespace Quanet.Planning.Terrain;

/// <summary>Several DEMs (SRTM tiles side by side, or a GeoTIFF beside them) as one model: the first that has a height wins.</summary>
internal sealed class ElevationMosaic : IElevationModel
{
    private readonly IElevationModel[] _parts;

    public ElevationMosaic(IReadOnlyList<IElevationModel> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        _parts = [.. parts];
        var spacing = double.PositiveInfinity;
        foreach (var p in _parts)
        {
            spacing = Math.Min(spacing, p.SpacingMetres);
        }

        SpacingMetres = spacing;
        Description = _parts.Length == 1 ? _parts[0].Description : $"{_parts.Length} DEMs ({string.Join(", ", _parts.Select(p => p.Description))})";
    }

    public string Description { get; }

    public double SpacingMetres { get; }

    public double Height(double latitude, double longitude)
    {
        foreach (var part in _parts)
        {
            var h = part.Height(latitude, longitude);
            if (!double.IsNaN(h))
            {
                return h;
            }
        }

        return double.NaN;
    }
}
