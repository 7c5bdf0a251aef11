namespace Quanet.Optimization.Hybrid;

/// <summary>Decisions of a <see cref="HybridModel"/> with the sums the loop updates per flip (see <see cref="HybridModel"/>'s state facet).</summary>
internal sealed class HybridState
{
    public HybridState(int variables, int constraints)
    {
        X = new sbyte[variables];
        Field = new double[variables];
        Lhs = new double[constraints];
    }

    /// <summary>The decisions (0/1).</summary>
    public sbyte[] X { get; }

    /// <summary>Objective local field of each variable: linear bias plus couplings to the variables that are set.</summary>
    public double[] Field { get; }

    /// <summary>Left side of each constraint.</summary>
    public double[] Lhs { get; }

    /// <summary>Objective energy (with offset).</summary>
    public double ObjectiveEnergy { get; set; }

    /// <summary>Sum of the constraints' penalties at their best slack.</summary>
    public double PenaltyEnergy { get; set; }

    /// <summary>Constraints whose penalty is positive (not met).</summary>
    public int Violated { get; set; }

    /// <summary>Objective plus penalties: <see cref="HybridModel.Energy"/> of <see cref="X"/>.</summary>
    public double Energy => ObjectiveEnergy + PenaltyEnergy;
}
