namespace Quanet.Operations.Anomaly;

internal sealed partial class ArtResonance
{
    private double Detect(ArtPresentation presented, int step)
    {
        var scoring = step > _trend;
        var sinceAnomaly = step - _lastAnomaly;
        var afterMask = sinceAnomaly == _mask;
        var trendDue = step - _lastVigilanceUpdate >= _trend / 2;
        var maskedByAnomaly = sinceAnomaly <= _mask;
        if (step > _trend + _mask && _maskAfterCluster && _sinceCluster >= _mask)
        {
            _maskAfterCluster = false;
        }

        _sinceCluster = presented.NewCluster ? 0 : _sinceCluster + 1;
        var similarity = presented.Similarity;
        _similaritySum += similarity;
        _recentSimilarity[_recentNext] = similarity;
        _recentNext = (_recentNext + 1) % _recentSimilarity.Length;
        _recentShortfall[_shortfallNext] = _art.UpperVigilance - similarity;
        _shortfallNext = (_shortfallNext + 1) % _recentShortfall.Length;
        if (sinceAnomaly < _mask && _anomalySimilarities.Count > 0)
        {
            _anomalySimilarities[^1] = Math.Min(_anomalySimilarities[^1], similarity);
        }

        var masked = _maskAfterCluster || maskedByAnomaly;
        var clearlyLess = similarity < _lastAnomalySimilarity * (maskedByAnomaly ? 0.90 : 0.70);
        var score = 0.0;
        if (scoring && presented.NewCluster && (!masked || clearlyLess))
        {
            score = Confidence(similarity, presented.Energy);
            _anomalySimilarities.Add(similarity);
            _lastAnomalySimilarity = similarity;
            _lastAnomaly = step;
        }

        _maskAfterCluster |= presented.NewCluster;
        if (scoring && (afterMask || trendDue))
        {
            AdaptVigilance(step);
        }

        return score;
    }

    // How far below both vigilances the best similarity fell (0 at the vigilance, 1 at similarity 0),
    // weighted towards the lower one, plus how badly the newest value itself matched.
    private double Confidence(double similarity, double energy)
    {
        var distance = 1.0 - Math.Min(0.999, similarity);
        var upper = (distance - (1.0 - _art.UpperVigilance)) / distance;
        var lower = (distance - (1.0 - _art.LowerVigilance)) / distance;
        var score = (0.35 * upper) + (0.65 * lower) + (1.5 * (1.0 - energy));
        return Math.Clamp(Math.Round(score, 6), 0.0, 1.0);
    }

    private void AdaptVigilance(int step)
    {
        var recentMin = double.PositiveInfinity;
        foreach (var s in _recentSimilarity)
        {
            recentMin = Math.Min(recentMin, s);
        }

        var upper = Math.Min(UpperVigilanceCap, _similaritySum / Math.Max(1, step - _firstDetectStep + 1));
        var lower = _art.LowerVigilance;
        if (lower <= recentMin)
        {
            lower += (recentMin - lower) * 0.19;
        }
        else
        {
            var decrease = 0.0;
            if (step > 2 * _trend)
            {
                var sum = 0.0;
                var count = 0;
                foreach (var shortfall in _recentShortfall)
                {
                    if (shortfall > 0.05)
                    {
                        sum += Math.Min(0.37, shortfall);
                        count++;
                    }
                }

                decrease = count > 0 ? sum / count : 0.0;
            }

            lower -= Math.Max(0.01, decrease) / 2;
            if (_anomalySimilarities.Count > 0)
            {
                var mean = 0.0;
                foreach (var s in _anomalySimilarities)
                {
                    mean += s;
                }

                lower = Math.Max(mean / _anomalySimilarities.Count, lower);
            }
        }

        _art.LowerVigilance = Math.Min(upper, lower);
        _art.UpperVigilance = upper;
        _lastVigilanceUpdate = step;
        _maskAfterCluster = true;
    }
}
