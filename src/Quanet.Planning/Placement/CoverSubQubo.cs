using System.Globalization;
using Quanet.Optimization.Qubo;

namespace Quanet.Planning.Placement;

/// <summary>
/// The column-only sub-QUBO of set covering: the free columns are the only variables, every other column is clamped
/// (chosen or not) and the free ones are all off in the clamped cover counts. The energy is the cost Σ c_j x_j plus,
/// for every row the clamped columns leave uncovered, with free coverers L, P(1 − Σ_L x + Σ_{pairs of L} x x): the
/// inclusion–exclusion series of P·[no column of L chosen] cut after its second term (a Bonferroni bound). With m
/// columns of L chosen the row term is P(m − 1)(m − 2)/2: P for m = 0, exactly 0 for m = 1 or 2, and an over-charge of
/// P(m − 1)(m − 2)/2 for m ≥ 3 (P for three, 3P for four). So sub-energy + offset is the exact cost of the whole
/// selection plus P per uncovered row on every sub-state that chooses at most two coverers of each such row, and never
/// less than it on any sub-state. P is 1 + the dearest free column: when every residual row has at most two free
/// coverers the term is exact and any uncovered row can be covered by one column for less than P, so every optimum of
/// the sub-QUBO covers every row. With more coverers an optimum can still leave a row uncovered (three columns that
/// share a row and each cover a private one: covering all three private rows over-charges the shared row by P), which
/// the outer loop rejects by its exact check.
/// </summary>
internal sealed class CoverSubQubo
{
    private readonly CoverageInstance _instance;
    private readonly CoverageIndex _index;
    private readonly int[] _position;
    private readonly List<int> _coverers = [];
    private double[] _linear = [];
    private double[] _quadratic = [];

    public CoverSubQubo(CoverageInstance instance, CoverageIndex index)
    {
        _instance = instance;
        _index = index;
        _position = new int[instance.SiteCount];
        Array.Fill(_position, -1);
    }

    /// <summary>The row penalty P of the last model built.</summary>
    public double RowPenalty { get; private set; }

    /// <summary>
    /// The sub-QUBO over <paramref name="free"/> (distinct columns) given the rows <paramref name="uncovered"/> that the
    /// clamped columns leave uncovered (each must have a coverer in <paramref name="free"/>); <paramref name="offset"/>
    /// is the constant of the row terms (P per uncovered row), so sub-energy + offset + clamped cost is the cost of
    /// the whole selection plus P per row left uncovered, on sub-states with at most two chosen coverers per row.
    /// </summary>
    public BinaryQuadraticModel Build(ReadOnlySpan<int> free, ReadOnlySpan<int> uncovered, out double offset)
    {
        var f = free.Length;
        if (_linear.Length < f)
        {
            _linear = new double[f];
            _quadratic = new double[f * f];
        }

        Array.Clear(_linear, 0, f);
        Array.Clear(_quadratic, 0, f * f);
        var dearest = 0.0;
        for (var a = 0; a < f; a++)
        {
            _position[free[a]] = a;
            _linear[a] = _instance.SiteCost[free[a]];
            dearest = Math.Max(dearest, _instance.SiteCost[free[a]]);
        }

        // P above any single column's cost: adding one coverer of an uncovered row pays for itself when it over-charges nothing
        var penalty = 1 + dearest;
        RowPenalty = penalty;
        foreach (var i in uncovered)
        {
            _coverers.Clear();
            foreach (var k in _index.SitesOf(i))
            {
                if (_position[k] >= 0)
                {
                    _coverers.Add(_position[k]);
                }
            }

            for (var p = 0; p < _coverers.Count; p++)
            {
                var b = _coverers[p];
                _linear[b] -= penalty;
                for (var q = p + 1; q < _coverers.Count; q++)
                {
                    var c = _coverers[q];
                    _quadratic[(Math.Min(b, c) * f) + Math.Max(b, c)] += penalty;
                }
            }
        }

        var builder = new BqmBuilder(Vartype.Binary);
        for (var a = 0; a < f; a++)
        {
            builder.AddVariable(string.Create(CultureInfo.InvariantCulture, $"x{free[a]}"));
        }

        for (var a = 0; a < f; a++)
        {
            builder.AddLinear(a, _linear[a]);
            for (var b = a + 1; b < f; b++)
            {
                var q = _quadratic[(a * f) + b];
                if (q != 0)
                {
                    builder.AddQuadratic(a, b, q);
                }
            }
        }

        for (var a = 0; a < f; a++)
        {
            _position[free[a]] = -1;
        }

        offset = penalty * uncovered.Length;
        return builder.Build();
    }
}
