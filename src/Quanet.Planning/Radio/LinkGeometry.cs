using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>The radio geometry every path-loss model needs besides the distance.</summary>
/// <param name="Frequency">Carrier frequency.</param>
/// <param name="BaseStationHeight">Antenna height of the base station above ground.</param>
/// <param name="UserHeight">Antenna height of the user terminal above ground.</param>
public readonly record struct LinkGeometry(Frequency Frequency, Metres BaseStationHeight, Metres UserHeight)
{
    /// <summary>The 3D distance between the antennas for a ground (2D) distance.</summary>
    public Metres Distance3D(Metres distance2D)
    {
        var dh = BaseStationHeight.Value - UserHeight.Value;
        return new Metres(Math.Sqrt((distance2D.Value * distance2D.Value) + (dh * dh)));
    }
}
