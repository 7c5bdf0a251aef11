namespace Quanet.Planning.Terrain;

/// <summary>Ground height above mean sea level at any WGS 84 position: a DEM, or several tiles as a mosaic.</summary>
public interface IElevationModel
{
    /// <summary>What the model is, for reports: file name(s) and grid size.</summary>
    string Description { get; }

    /// <summary>Approximate spacing of the model's samples on the ground, metres; profiles are sampled at about this step.</summary>
    double SpacingMetres { get; }

    /// <summary>
    /// Ground height at (<paramref name="latitude"/>, <paramref name="longitude"/>), metres above mean sea level, by
    /// bilinear interpolation of the four surrounding samples; void samples are left out of the interpolation.
    /// </summary>
    /// <returns>The height, or <see cref="double.NaN"/> outside the model or where all four samples are void.</returns>
    double Height(double latitude, double longitude);
}
