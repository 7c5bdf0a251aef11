namespace Quanet.Operations.Anomaly;

/// <summary>
/// ARTime's detection loop (M. Hampton 2021) on a fixed value range: <see cref="ArtFeatureEncoder"/>
/// features go to a <see cref="DualVigilanceArt"/>; an input that starts a new cluster is an anomaly,
/// scored by how far its best similarity falls below the two vigilances and how badly the newest value
/// matches, unless it comes within a masking period after an earlier anomaly or after a vigilance change
/// (then only when it is clearly less similar than the last anomaly was). The first
/// <c>trend</c> blocks are learned as a batch: the initial vigilance is the mean similarity a trial
/// network reaches on their feature vectors, presented least typical first; afterwards the vigilances follow the
/// similarities seen (the upper one their mean, the lower one towards the recent minimum), every half
/// trend window and after each masking period.
/// </summary>
internal sealed partial class ArtResonance
{
    /// <summary>ARTime's masking period, in blocks: novelties this soon after an anomaly or a vigilance change are masked.</summary>
    public const int MaskBlocks = ArtFeatureEncoder.Window * 3 / 2;

    private const double InitialVigilance = 0.80;
    private const double UpperVigilanceCap = 0.97;
    private readonly ArtFeatureEncoder _encoder;
    private readonly DualVigilanceArt _art = new(ArtFeatureEncoder.FeatureCount, unitCategory: true);
    private readonly int _trend;
    private readonly int _mask;
    private readonly List<double[]?> _batch = [];
    private readonly double[] _features = new double[ArtFeatureEncoder.FeatureCount];
    private readonly double[] _recentSimilarity;
    private readonly double[] _recentShortfall;
    private readonly List<double> _anomalySimilarities = [];
    private int _recentNext;
    private int _shortfallNext;
    private double _similaritySum;
    private int _step;
    private int _lastAnomaly = int.MinValue / 2;
    private int _lastVigilanceUpdate;
    private double _lastAnomalySimilarity;
    private bool _maskAfterCluster;
    private int _sinceCluster;

    /// <param name="rowsPerStep">Rows per feature step (block).</param>
    /// <param name="trend">Blocks learned as a batch before scoring (ARTime's trend window, counted from the first block, the 7 before the first full window included); also the vigilance memory.</param>
    /// <param name="min">Bottom of the value range.</param>
    /// <param name="max">Top of the value range.</param>
    public ArtResonance(int rowsPerStep, int trend, double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trend, ArtFeatureEncoder.Window + 1);
        _encoder = new ArtFeatureEncoder(rowsPerStep, min, max);
        _trend = trend;
        _mask = MaskBlocks;
        _recentSimilarity = new double[(trend / 2) + 1];
        Array.Fill(_recentSimilarity, 1.0);
        _recentShortfall = new double[trend + 1];
    }

    /// <summary>Consumes the next row; returns the anomaly score of the block it completes (0 otherwise).</summary>
    public double Update(double value)
    {
        var blocks = _encoder.Blocks;
        if (!_encoder.Add(value, _features))
        {
            if (_encoder.Blocks > blocks)
            {
                _step++;
                _batch.Add(null);
            }

            return 0.0;
        }

        _step++;
        if (_step < _trend)
        {
            _batch.Add((double[])_features.Clone());
            return 0.0;
        }

        if (_step == _trend)
        {
            _batch.Add((double[])_features.Clone());
            LearnBatch();
            return 0.0;
        }

        return Detect(_art.Present(_features), _step);
    }
}
