using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>A deterministic (median, no shadowing) path-loss model.</summary>
public interface IPathLossModel
{
    /// <summary>Name used by <c>--model</c>.</summary>
    string Name { get; }

    /// <summary>The frequency, distance and height ranges in which the model holds (its reference's own ranges).</summary>
    ModelValidity Validity { get; }

    /// <summary>Median path loss at ground distance <paramref name="distance2D"/>; non-decreasing in the distance.</summary>
    /// <param name="distance2D">Horizontal distance between base station and user, metres, positive.</param>
    /// <param name="geometry">Frequency and antenna heights.</param>
    Decibels Loss(Metres distance2D, LinkGeometry geometry);
}
