namespace Quanet.Planning.Population;

/// <summary>How demand is built when no demand file and no population raster is given.</summary>
public enum DemandModel
{
    /// <summary>The modelled population surface: every place spread over its urban disc (Clark's law) onto cells. The default.</summary>
    Surface,

    /// <summary>Every place as one point carrying its whole population (the behaviour before the surface).</summary>
    Places,
}
