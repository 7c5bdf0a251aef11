using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>The result of a sampler call: distinct states sorted by energy (lowest first) and run statistics.</summary>
public sealed class SampleSet
{
    /// <summary>Creates a sample set, merging identical states and sorting by energy then state.</summary>
    public SampleSet(Vartype vartype, IEnumerable<Sample> samples, SamplerStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Vartype = vartype;
        Statistics = statistics;
        var merged = new Dictionary<string, (Sample First, int Count)>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var key = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(sample.State));
            merged[key] = merged.TryGetValue(key, out var seen) ? (seen.First, seen.Count + sample.Occurrences) : (sample, sample.Occurrences);
        }

        var list = new List<Sample>(merged.Count);
        foreach (var (first, count) in merged.Values)
        {
            list.Add(count == first.Occurrences ? first : new Sample(first.State, first.Energy, count));
        }

        list.Sort(static (a, b) =>
        {
            var c = a.Energy.CompareTo(b.Energy);
            return c != 0 ? c : a.State.SequenceCompareTo(b.State);
        });
        Samples = list;
    }

    /// <summary>The variable domain of the states.</summary>
    public Vartype Vartype { get; }

    /// <summary>Distinct states, lowest energy first.</summary>
    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>The lowest-energy sample.</summary>
    /// <exception cref="InvalidOperationException">The set is empty.</exception>
    public Sample Best => Samples.Count > 0 ? Samples[0] : throw new InvalidOperationException("the sample set is empty");

    /// <summary>How the run went.</summary>
    public SamplerStatistics Statistics { get; }
}
