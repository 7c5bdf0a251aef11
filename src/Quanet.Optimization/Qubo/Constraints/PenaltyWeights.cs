namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>Suggests penalty weights for constraints folded into a QUBO objective.</summary>
public static class PenaltyWeights
{
    /// <summary>
    /// A penalty weight for constraints with integer coefficients (whose violations cost at least the weight),
    /// sized from <paramref name="objective"/>'s biases by <paramref name="strategy"/>.
    /// </summary>
    public static double Suggest(BinaryQuadraticModel objective, PenaltyStrategy strategy = PenaltyStrategy.Local)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var qubo = objective.ToQubo();
        var linear = qubo.Linear;
        var rowStart = qubo.RowStart;
        var weights = qubo.Weights;
        var maxLocal = 0.0;
        var total = 0.0;
        for (var i = 0; i < qubo.VariableCount; i++)
        {
            var row = 0.0;
            for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                row += Math.Abs(weights[k]);
            }

            maxLocal = Math.Max(maxLocal, Math.Abs(linear[i]) + row);
            total += Math.Abs(linear[i]) + (row / 2);
        }

        return (strategy == PenaltyStrategy.Safe ? total : maxLocal) + 1.0;
    }
}
