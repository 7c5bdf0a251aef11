using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>Friis free-space loss 20 log10(4 pi d f / c) over the 3D distance.</summary>
public sealed class FreeSpacePathLoss : IPathLossModel
{
    /// <summary>Speed of light in vacuum, m/s.</summary>
    public const double SpeedOfLight = 299_792_458.0;

    /// <inheritdoc />
    public string Name => "free-space";

    /// <summary>Friis holds in the far field at any frequency: the whole range Quanet accepts, from 1 m.</summary>
    public ModelValidity Validity { get; } = new(
        new ValidityRange(30, 100_000, "MHz"), new ValidityRange(1, double.MaxValue, "m"),
        new ValidityRange(0, double.MaxValue, "m"), new ValidityRange(0, double.MaxValue, "m"), "Friis free space");

    /// <inheritdoc />
    public Decibels Loss(Metres distance2D, LinkGeometry geometry)
    {
        var d = geometry.Distance3D(distance2D).Value;
        return new Decibels(20 * Math.Log10(4 * Math.PI * d * geometry.Frequency.Hertz / SpeedOfLight));
    }
}
