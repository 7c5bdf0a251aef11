using Quanet.Core;
using Quanet.Operations.Anomaly;

namespace Quanet.Workflows.Operations;

/// <summary>
/// Runs a streaming anomaly detector over a Numenta Anomaly Benchmark folder and scores it with NAB's
/// rules for every profile (threshold sweep, normalised against the null and a perfect detector).
/// </summary>
public static class NabWorkflow
{
    /// <summary>Scores <see cref="NabRequest.Detector"/> on <see cref="NabRequest.CorpusDirectory"/>.</summary>
    /// <param name="request">Corpus folder and detector.</param>
    /// <param name="progress">Receives each series as it is scored (synchronously, in order).</param>
    /// <param name="cancellationToken">Cancels between series.</param>
    /// <returns>The scores per profile.</returns>
    /// <exception cref="QuanetException">The labels name no data files.</exception>
    /// <exception cref="ArgumentException">Unknown detector.</exception>
    public static NabResult Run(NabRequest request, IProgress<NabProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = Path.GetFullPath(request.CorpusDirectory);
        var corpus = NabCorpus.Load(directory);
        if (corpus.Series.Count == 0)
        {
            throw new QuanetException($"{directory}: the labels name no data files");
        }

        var scores = new double[corpus.Series.Count][];
        for (var s = 0; s < corpus.Series.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var series = corpus.Series[s];
            scores[s] = AnomalyDetectors.Run(request.Detector, series.Values.Span, NabScorer.ProbationLength(series.Length));
            progress?.Report(new NabProgress(s + 1, corpus.Series.Count, series.Name));
        }

        var results = NabEvaluation.Evaluate(corpus.Series, scores, corpus.Profiles);
        return new NabResult(request.Detector, corpus.Series.Count, corpus.WindowCount, results);
    }
}
