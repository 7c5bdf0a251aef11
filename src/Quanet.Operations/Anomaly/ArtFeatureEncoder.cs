namespace Quanet.Operations.Anomaly;

/// <summary>
/// ARTime's input encoding (M. Hampton 2021), on a fixed value range: rows are reduced to one value per
/// block of <c>step</c> rows (the block's mean, or its extreme on the side away from a running average
/// when that extreme is at least 10% off the mean, so a short spike survives), scaled into the range and
/// rounded to one of 80 levels; a level within 0.075 of the running median level is taken as the median
/// (small wobbles around the usual level are one level). The feature vector of a block is the shape of
/// the last 8 levels (min-max normalised, Haar wavelet transform, min-max normalised again) followed by
/// the 8 levels themselves, the newest last.
/// </summary>
internal sealed class ArtFeatureEncoder
{
    /// <summary>Blocks in a feature window.</summary>
    public const int Window = 8;

    /// <summary>Length of a feature vector.</summary>
    public const int FeatureCount = 2 * Window;

    private const int Levels = 80;
    private const double SnapToMedian = 0.075;
    private const double SpikeShare = 0.1;
    private readonly int _step;
    private readonly double _min;
    private readonly double _width;
    private readonly int[] _levelCounts = new int[Levels + 1];
    private readonly double[] _levels = new double[Window];
    private readonly double[] _shape = new double[Window];
    private readonly double[] _scratch = new double[Window];
    private readonly double[] _work = new double[Window];
    private int _inBlock;
    private double _blockSum;
    private double _blockMin;
    private double _blockMax;
    private double _average;
    private int _blocks;
    private int _median;
    private int _belowMedian;
    private int _aboveMedian;

    /// <param name="step">Rows per block (at least 1).</param>
    /// <param name="min">Value mapped to level 0.</param>
    /// <param name="max">Value mapped to the top level; values beyond the range are clamped.</param>
    public ArtFeatureEncoder(int step, double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        _step = step;
        _min = min;
        _width = max - min;
    }

    /// <summary>Blocks completed so far.</summary>
    public int Blocks => _blocks;

    /// <summary>
    /// Adds the next row; when it completes a block and 8 blocks have been seen, writes the block's
    /// feature vector into <paramref name="features"/> (length <see cref="FeatureCount"/>) and returns true.
    /// </summary>
    public bool Add(double value, Span<double> features)
    {
        if (_inBlock == 0)
        {
            _blockSum = 0;
            _blockMin = value;
            _blockMax = value;
        }

        _blockSum += value;
        _blockMin = Math.Min(_blockMin, value);
        _blockMax = Math.Max(_blockMax, value);
        if (++_inBlock < _step)
        {
            return false;
        }

        _inBlock = 0;
        var mean = _blockSum / _step;
        _average = _blocks == 0 ? mean : (_average + mean) / 2;
        var reduced = Math.Abs(_blockMin - _average) > Math.Abs(_blockMax - _average) ? _blockMin : _blockMax;
        if (Math.Abs(reduced - mean) < SpikeShare * Math.Abs(mean))
        {
            reduced = mean;
        }

        var scaled = _width > 0 ? Math.Clamp((reduced - _min) / _width, 0.0, 1.0) : 0.0;
        var level = (int)Math.Round(scaled * Levels);
        _levelCounts[level]++;
        var median = MedianLevel(level, _blocks + 1);
        var quantised = Math.Abs(level - median) < SnapToMedian * Levels ? median / (double)Levels : level / (double)Levels;
        _blocks++;
        Array.Copy(_levels, 1, _levels, 0, Window - 1);
        _levels[Window - 1] = quantised;
        if (_blocks < Window)
        {
            return false;
        }

        Normalise(_levels, _shape);
        Haar(_shape, _work, _scratch);
        Normalise(_scratch, _shape);
        _shape.CopyTo(features);
        _levels.CopyTo(features[Window..]);
        return true;
    }

    // ARTime's median tracker: not an exact running median but a pointer that moves at most one occupied
    // level per block, towards the side holding more than half of the blocks.
    private int MedianLevel(int level, int count)
    {
        if (count == 1)
        {
            _median = level;
        }

        if (level < _median)
        {
            _belowMedian++;
        }
        else if (level > _median)
        {
            _aboveMedian++;
        }

        var half = count / 2;
        if (_aboveMedian > half)
        {
            _belowMedian += _levelCounts[_median];
            do
            {
                _median++;
            }
            while (_levelCounts[_median] == 0);
            _aboveMedian -= _levelCounts[_median];
        }
        else if (_belowMedian > half)
        {
            _aboveMedian += _levelCounts[_median];
            do
            {
                _median--;
            }
            while (_levelCounts[_median] == 0);
            _belowMedian -= _levelCounts[_median];
        }

        return _median;
    }

    private static void Normalise(ReadOnlySpan<double> source, Span<double> target)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in source)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var width = max - min;
        for (var k = 0; k < source.Length; k++)
        {
            target[k] = width > 0 ? (source[k] - min) / width : 0.0;
        }
    }

    // Full orthonormal Haar decomposition of a power-of-two-length signal: the coarsest average first,
    // then the details from coarse to fine.
    private static void Haar(double[] signal, double[] work, double[] output)
    {
        signal.CopyTo(work, 0);
        for (var length = work.Length; length > 1; length /= 2)
        {
            var half = length / 2;
            for (var k = 0; k < half; k++)
            {
                var a = work[2 * k];
                var b = work[(2 * k) + 1];
                output[k] = (a + b) / Math.Sqrt(2);
                output[half + k] = (b - a) / Math.Sqrt(2);
            }

            Array.Copy(output, work, length);
        }

        Array.Copy(work, output, work.Length);
    }
}
