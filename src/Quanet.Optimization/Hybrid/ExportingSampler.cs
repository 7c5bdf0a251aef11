using System.Globalization;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Hybrid;

/// <summary>
/// The <c>export</c> sub-solver: writes every sub-QUBO it receives to <paramref name="directory"/> as
/// <c>sub-NNNNNN.json</c> (dimod BQM JSON, which D-Wave's Ocean and Amazon Braket tooling read) for a run on a real
/// device, and solves it meanwhile with <paramref name="fallback"/> so the run completes.
/// </summary>
/// <param name="directory">Where the files go (created if missing).</param>
/// <param name="fallback">The sampler that answers each subproblem.</param>
public sealed class ExportingSampler(string directory, ISampler fallback) : ISampler
{
    private int _count;

    /// <inheritdoc />
    public string Name => $"export+{fallback.Name}";

    /// <summary>Subproblems written so far.</summary>
    public int Exported => _count;

    /// <inheritdoc />
    public SampleSet Sample(Qubo.BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"sub-{_count:D6}.json"));
        QuboFormats.Write(model, path, QuboFormat.DimodJson);
        _count++;
        return fallback.Sample(model, options, cancellationToken);
    }
}
