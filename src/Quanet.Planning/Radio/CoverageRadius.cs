using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>Inverts a path-loss model: the largest ground distance whose loss stays within a budget.</summary>
public static class CoverageRadius
{
    /// <summary>Shortest radius considered, m.</summary>
    public const double MinimumMetres = 1.0;

    /// <summary>
    /// The largest distance d in [1 m, <paramref name="maximum"/>] with Loss(d) &lt;= <paramref name="maximumPathLoss"/>,
    /// by bisection to 0.1 m (every model here is non-decreasing in the distance); 0 if even 1 m exceeds the budget.
    /// </summary>
    public static Metres Solve(IPathLossModel model, LinkGeometry geometry, Decibels maximumPathLoss, Metres maximum)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum.Value, MinimumMetres);
        if (model.Loss(new Metres(MinimumMetres), geometry) > maximumPathLoss)
        {
            return new Metres(0);
        }

        if (model.Loss(maximum, geometry) <= maximumPathLoss)
        {
            return maximum;
        }

        var lo = MinimumMetres;
        var hi = maximum.Value;
        while (hi - lo > 0.1)
        {
            var mid = 0.5 * (lo + hi);
            if (model.Loss(new Metres(mid), geometry) <= maximumPathLoss)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return new Metres(lo);
    }
}
