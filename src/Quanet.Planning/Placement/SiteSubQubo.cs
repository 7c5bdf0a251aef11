using System.Globalization;
using Quanet.Optimization.Qubo;

namespace Quanet.Planning.Placement;

/// <summary>
/// The site-only sub-QUBO of maximal covering (no coverage indicators): the free sites are the only variables, every
/// other site is clamped to a <see cref="CoverageState"/> in which the free sites are all off. The energy is minus the
/// covered weight. A demand point that a clamped chosen site covers is a constant; a point whose coverers inside the
/// subproblem are the free sites L contributes −w(Σ_L x − Σ_{pairs of L} x x), the inclusion–exclusion series of
/// −w·[some site of L chosen] cut after its second term (a Bonferroni bound): exact when at most two sites of L are
/// chosen (one free coverer: −w x; two: −w(x_j + x_k − x_j x_k)), and when m ≥ 3 are chosen it charges
/// w(m − 1)(m − 2)/2 more than the exact energy, never less. The number of chosen free sites is held at
/// <c>count</c> by P(Σx − count)² with P = 1 + max(largest single-site gain, largest pairwise overlap charge of a
/// site), which makes every optimum of the sub-QUBO choose exactly <c>count</c> sites. The outer loop judges every
/// answer by the exact coverage anyway, so the sub-QUBO is a proposal whose error is stated and bounded.
/// </summary>
internal sealed class SiteSubQubo
{
    private readonly CoverageInstance _instance;
    private readonly CoverageIndex _index;
    private readonly int[] _position;
    private readonly int[] _pointStamp;
    private readonly List<int> _coverers = [];
    private double[] _linear = [];
    private double[] _quadratic = [];
    private int _stamp;

    public SiteSubQubo(CoverageInstance instance, CoverageIndex index)
    {
        _instance = instance;
        _index = index;
        _position = new int[instance.SiteCount];
        Array.Fill(_position, -1);
        _pointStamp = new int[instance.DemandCount];
    }

    /// <summary>The penalty weight P of the site count in the last model built.</summary>
    public double CountPenalty { get; private set; }

    /// <summary>
    /// The sub-QUBO over <paramref name="free"/> (distinct sites, all off in <paramref name="clamped"/>) that chooses
    /// <paramref name="count"/> of them; <paramref name="offset"/> makes sub-energy + offset = −covered weight of the
    /// whole selection on every sub-state with <paramref name="count"/> sites and at most two chosen free coverers per point.
    /// </summary>
    public BinaryQuadraticModel Build(CoverageState clamped, ReadOnlySpan<int> free, int count, out double offset)
    {
        var f = free.Length;
        if (_linear.Length < f)
        {
            _linear = new double[f];
            _quadratic = new double[f * f];
        }

        Array.Clear(_linear, 0, f);
        Array.Clear(_quadratic, 0, f * f);
        for (var a = 0; a < f; a++)
        {
            _position[free[a]] = a;
        }

        _stamp++;
        var weight = _instance.DemandWeight;
        var counts = clamped.Count;
        for (var a = 0; a < f; a++)
        {
            foreach (var i in _instance.SiteCovers[free[a]])
            {
                if (counts[i] > 0 || _pointStamp[i] == _stamp)
                {
                    continue;
                }

                _pointStamp[i] = _stamp;
                _coverers.Clear();
                foreach (var k in _index.SitesOf(i))
                {
                    if (_position[k] >= 0)
                    {
                        _coverers.Add(_position[k]);
                    }
                }

                var w = weight[i];
                for (var p = 0; p < _coverers.Count; p++)
                {
                    var b = _coverers[p];
                    _linear[b] -= w;
                    for (var q = p + 1; q < _coverers.Count; q++)
                    {
                        var c = _coverers[q];
                        _quadratic[Math.Min(b, c) * f + Math.Max(b, c)] += w;
                    }
                }
            }
        }

        // P above the most a single flip can gain in the coverage part, so a count other than `count` is never optimal
        var most = 0.0;
        for (var a = 0; a < f; a++)
        {
            var overlap = 0.0;
            for (var b = 0; b < f; b++)
            {
                overlap += _quadratic[Math.Min(a, b) * f + Math.Max(a, b)];
            }

            most = Math.Max(most, Math.Max(-_linear[a], overlap));
        }

        var penalty = 1 + most;
        CountPenalty = penalty;
        var builder = new BqmBuilder(Vartype.Binary);
        for (var a = 0; a < f; a++)
        {
            builder.AddVariable(string.Create(CultureInfo.InvariantCulture, $"x{free[a]}"));
        }

        // P(Σx − k)² = P(Σ (1 − 2k) x_a + 2 Σ_{a<b} x_a x_b + k²) on binaries
        for (var a = 0; a < f; a++)
        {
            builder.AddLinear(a, _linear[a] + (penalty * (1 - (2 * count))));
            for (var b = a + 1; b < f; b++)
            {
                builder.AddQuadratic(a, b, _quadratic[(a * f) + b] + (2 * penalty));
            }
        }

        for (var a = 0; a < f; a++)
        {
            _position[free[a]] = -1;
        }

        offset = -clamped.Covered + (penalty * count * count);
        return builder.Build();
    }
}
