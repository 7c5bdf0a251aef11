namespace Quanet.Planning.Population;

/// <summary>What hosts tell users about the demand sources.</summary>
public static class DemandModels
{
    /// <summary>The CRSs a population raster may declare.</summary>
    public const string RasterCrsList = RasterCrs.Supported;
}
