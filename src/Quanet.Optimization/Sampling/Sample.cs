namespace Quanet.Optimization.Sampling;

/// <summary>One sampled state with its energy and how many reads returned it.</summary>
public sealed class Sample
{
    private readonly sbyte[] _state;

    /// <summary>Creates a sample; <paramref name="state"/> is copied.</summary>
    public Sample(ReadOnlySpan<sbyte> state, double energy, int occurrences = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrences, 1);
        _state = state.ToArray();
        Energy = energy;
        Occurrences = occurrences;
    }

    /// <summary>The variable values (0/1 or -1/+1, the model's domain).</summary>
    public ReadOnlySpan<sbyte> State => _state;

    /// <summary>The energy of <see cref="State"/>.</summary>
    public double Energy { get; }

    /// <summary>How many reads ended in this state.</summary>
    public int Occurrences { get; }

    /// <summary>A copy of the state.</summary>
    public sbyte[] ToArray() => (sbyte[])_state.Clone();
}
