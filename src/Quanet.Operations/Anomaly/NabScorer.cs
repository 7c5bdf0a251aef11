namespace Quanet.Operations.Anomaly;

/// <summary>
/// NAB's scoring, as in numenta/NAB <c>nab/sweeper.py</c> and <c>nab/optimizer.py</c> (NAB v1.1):
/// the probation period, the scaled sigmoid weighting of detections inside and after windows,
/// one reward per window for its earliest detection, one penalty per missed window, and the
/// threshold sweep that picks the best threshold for a detector and profile over the whole corpus.
/// </summary>
public static class NabScorer
{
    /// <summary>Share of each file NAB ignores at its start (<c>probationPercent</c>).</summary>
    public const double ProbationPercent = 0.15;

    /// <summary>The threshold NAB starts its sweep from: above every score, so nothing is detected.</summary>
    public const double StartThreshold = 1.1;

    /// <summary>Row index value in <see cref="SeriesSweep.WindowOf"/> for a row outside every window.</summary>
    public const int OutsideWindow = -1;

    /// <summary>Row index value in <see cref="SeriesSweep.WindowOf"/> for a row in the probation period.</summary>
    public const int Probationary = -2;

    /// <summary>
    /// Rows ignored at the start of a file: <c>min(floor(0.15 n), 0.15 * 5000)</c>, i.e. 15% capped at 750
    /// (NAB <c>util.getProbationPeriod</c>).
    /// </summary>
    /// <param name="rows">Rows in the file.</param>
    public static int ProbationLength(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return (int)Math.Min(Math.Floor(ProbationPercent * rows), ProbationPercent * 5000);
    }

    /// <summary>
    /// NAB's scaled sigmoid <c>2 / (1 + e^(5x)) - 1</c>, and -1 for <c>x &gt;= 3</c>: 0.98661 at the left
    /// edge of a window (x = -1), 0 at its right edge, towards -1 for detections long after it.
    /// </summary>
    /// <param name="relativePosition">Position relative to the window's right edge, in window lengths.</param>
    public static double ScaledSigmoid(double relativePosition) =>
        relativePosition >= 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * relativePosition))) - 1.0;

    /// <summary>
    /// The weighted score every row would earn if it were detected (NAB <c>calcSweepScore</c>): inside
    /// window k of width w ending at row e, row i earns <c>tp * S(-(e - i + 1) / w) / S(-1)</c>; outside,
    /// after a window of width w ending at e, <c>fp * S(|e - i| / (w - 1))</c>; before the first window
    /// <c>-fp</c>. Rows in the probation period are marked <see cref="Probationary"/>.
    /// </summary>
    /// <param name="length">Rows in the series.</param>
    /// <param name="windows">Its windows, sorted and disjoint.</param>
    /// <param name="costs">Profile weights.</param>
    public static SeriesSweep Sweep(int length, IReadOnlyList<AnomalyWindow> windows, NabCostMatrix costs)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var weights = new double[length];
        var windowOf = new int[length];
        var maxTp = ScaledSigmoid(-1.0);
        var probation = ProbationLength(length);
        var next = 0;
        var previous = -1;
        for (var i = 0; i < length; i++)
        {
            if (next < windows.Count && i >= windows[next].Start)
            {
                var window = windows[next];
                var position = -(window.End - i + 1) / (double)window.Length;
                weights[i] = ScaledSigmoid(position) * costs.TpWeight / maxTp;
                windowOf[i] = next;
                if (i == window.End)
                {
                    previous = next;
                    next++;
                }
            }
            else
            {
                var position = previous < 0
                    ? 3.0
                    : Math.Abs(windows[previous].End - i) / (double)(windows[previous].Length - 1);
                weights[i] = ScaledSigmoid(position) * costs.FpWeight;
                windowOf[i] = OutsideWindow;
            }

            if (i < probation)
            {
                windowOf[i] = Probationary;
            }
        }

        return new SeriesSweep(weights, windowOf, windows.Count);
    }

    /// <summary>
    /// NAB's threshold sweep over a corpus (<c>calcScoreByThreshold</c>): starting from
    /// <see cref="StartThreshold"/> (nothing detected, every window missed), lowers the threshold
    /// through every distinct anomaly score and records the corpus score at each; a window's
    /// contribution is the best (earliest) of its detected rows, or <c>-fn</c> if none.
    /// </summary>
    /// <param name="sweeps">One sweep per series, from <see cref="Sweep"/>.</param>
    /// <param name="anomalyScores">The detector's scores per series, each in [0, 1].</param>
    /// <param name="costs">Profile weights (for the <c>-fn</c> start of each window).</param>
    /// <returns>Scores per threshold, thresholds descending.</returns>
    /// <exception cref="ArgumentException">Counts or lengths differ, or a score is outside [0, 1].</exception>
    public static IReadOnlyList<NabThresholdScore> ScoresByThreshold(
        IReadOnlyList<SeriesSweep> sweeps, IReadOnlyList<double[]> anomalyScores, NabCostMatrix costs)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(anomalyScores);
        if (sweeps.Count != anomalyScores.Count)
        {
            throw new ArgumentException($"{sweeps.Count} series but {anomalyScores.Count} score arrays", nameof(anomalyScores));
        }

        var rows = 0;
        var windowBase = new int[sweeps.Count + 1];
        for (var s = 0; s < sweeps.Count; s++)
        {
            if (anomalyScores[s].Length != sweeps[s].Length)
            {
                throw new ArgumentException($"series {s}: {sweeps[s].Length} rows but {anomalyScores[s].Length} scores", nameof(anomalyScores));
            }

            rows += sweeps[s].ScorableRows;
            windowBase[s + 1] = windowBase[s] + sweeps[s].WindowCount;
        }

        var order = new double[rows];
        var weight = new double[rows];
        var window = new int[rows];
        var index = new int[rows];
        var registered = new bool[windowBase[^1]];
        var k = 0;
        for (var s = 0; s < sweeps.Count; s++)
        {
            var sweep = sweeps[s];
            var scores = anomalyScores[s];
            for (var i = 0; i < sweep.Length; i++)
            {
                var w = sweep.WindowArray[i];
                if (w == Probationary)
                {
                    continue;
                }

                var score = scores[i];
                if (!(score >= 0.0 && score <= 1.0))
                {
                    throw new ArgumentException($"series {s} row {i}: anomaly score {score} is outside [0, 1]", nameof(anomalyScores));
                }

                order[k] = -score;
                weight[k] = sweep.WeightArray[i];
                window[k] = w < 0 ? -1 : windowBase[s] + w;
                if (w >= 0)
                {
                    registered[window[k]] = true;
                }

                index[k] = k;
                k++;
            }
        }

        // Only windows with a scorable row take part (NAB _prepareScoreByThresholdParts).
        var best = new double[registered.Length];
        var total = 0.0;
        var inWindow = 0;
        for (var w = 0; w < registered.Length; w++)
        {
            if (registered[w])
            {
                best[w] = -costs.FnWeight;
                total -= costs.FnWeight;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            if (window[r] >= 0)
            {
                inWindow++;
            }
        }

        Array.Sort(order, index);
        var results = new List<NabThresholdScore>();
        int tp = 0, fp = 0, fn = inWindow, tn = rows - inWindow;
        var threshold = StartThreshold;
        for (var r = 0; r < rows; r++)
        {
            var row = index[r];
            var score = -order[r];
            if (score != threshold)
            {
                results.Add(new NabThresholdScore(threshold, total, tp, tn, fp, fn));
                threshold = score;
            }

            var w = window[row];
            if (w < 0)
            {
                fp++;
                tn--;
                total += weight[row];
            }
            else
            {
                tp++;
                fn--;
                if (weight[row] > best[w])
                {
                    total += weight[row] - best[w];
                    best[w] = weight[row];
                }
            }
        }

        results.Add(new NabThresholdScore(threshold, total, tp, tn, fp, fn));
        return results;
    }

    /// <summary>
    /// The best row of <see cref="ScoresByThreshold"/> (NAB <c>optimizeThreshold</c>): the highest score,
    /// the highest threshold among equal scores.
    /// </summary>
    /// <param name="scoresByThreshold">Output of <see cref="ScoresByThreshold"/>.</param>
    public static NabThresholdScore Best(IReadOnlyList<NabThresholdScore> scoresByThreshold)
    {
        ArgumentNullException.ThrowIfNull(scoresByThreshold);
        if (scoresByThreshold.Count == 0)
        {
            throw new ArgumentException("no thresholds to choose from", nameof(scoresByThreshold));
        }

        var best = scoresByThreshold[0];
        for (var i = 1; i < scoresByThreshold.Count; i++)
        {
            if (scoresByThreshold[i].Score > best.Score)
            {
                best = scoresByThreshold[i];
            }
        }

        return best;
    }

    /// <summary>
    /// The raw score of one series when every scorable row with anomaly score <c>&gt;= threshold</c> is
    /// a detection (NAB <c>scoreDataSet</c>): false-positive weights summed, plus per window the weight
    /// of its earliest detection or <c>-fn</c>.
    /// </summary>
    /// <param name="sweep">The series' sweep.</param>
    /// <param name="anomalyScores">The detector's scores for the series.</param>
    /// <param name="costs">Profile weights.</param>
    /// <param name="threshold">Detection threshold.</param>
    public static double ScoreSeries(SeriesSweep sweep, ReadOnlySpan<double> anomalyScores, NabCostMatrix costs, double threshold)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (anomalyScores.Length != sweep.Length)
        {
            throw new ArgumentException($"{sweep.Length} rows but {anomalyScores.Length} scores", nameof(anomalyScores));
        }

        var total = 0.0;
        var seen = new bool[sweep.WindowCount];
        var detected = new bool[sweep.WindowCount];
        for (var i = 0; i < sweep.Length; i++)
        {
            var w = sweep.WindowArray[i];
            if (w == Probationary)
            {
                continue;
            }

            var hit = anomalyScores[i] >= threshold;
            if (w == OutsideWindow)
            {
                total += hit ? sweep.WeightArray[i] : 0.0;
                continue;
            }

            if (!seen[w])
            {
                seen[w] = true;
                total -= costs.FnWeight;
            }

            if (hit && !detected[w])
            {
                // Weights fall across a window, so its first detection is its best one.
                detected[w] = true;
                total += costs.FnWeight + Math.Max(-costs.FnWeight, sweep.WeightArray[i]);
            }
        }

        return total;
    }
}
