using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Hybrid;

/// <summary>
/// Reusable buffers of <see cref="HybridModel"/>'s clamping: the position of each free variable, stamps of the
/// constraints a subproblem touches, and the sub-QUBO's terms. Up to <see cref="DenseLimit"/> free variables the terms
/// go into dense arrays and the sub-QUBO is written straight into its CSR form; a <see cref="ConstrainedQuboBuilder"/>
/// is only made when a residual constraint needs slack bits or a squared equality (or above the limit).
/// One scratch per loop: not thread-safe.
/// </summary>
internal sealed class SubQuboScratch
{
    /// <summary>Most free variables whose quadratic terms are kept in a dense matrix.</summary>
    public const int DenseLimit = 1024;

    private double[] _linear = [];
    private double[] _quadratic = [];
    private string[] _labels = [];
    private int _f;
    private bool _dense;
    private ConstrainedQuboBuilder? _builder;

    public SubQuboScratch(int variables, int constraints)
    {
        Position = new int[variables];
        Array.Fill(Position, -1);
        ConstraintStamp = new int[constraints];
    }

    /// <summary>Position of each decision variable in the subproblem being built, -1 outside it.</summary>
    public int[] Position { get; }

    /// <summary>Per constraint, the stamp of the last subproblem that touched it.</summary>
    public int[] ConstraintStamp { get; }

    /// <summary>The current subproblem's stamp.</summary>
    public int Stamp { get; set; }

    /// <summary>The constraints the current subproblem touches.</summary>
    public List<int> Touched { get; } = [];

    /// <summary>Starts a sub-QUBO over variables labelled <paramref name="labels"/>.</summary>
    public void Begin(string[] labels)
    {
        _labels = labels;
        _f = labels.Length;
        _dense = _f <= DenseLimit;
        _builder = null;
        if (_dense)
        {
            if (_linear.Length < _f)
            {
                _linear = new double[_f];
                _quadratic = new double[_f * _f];
            }

            Array.Clear(_linear, 0, _f);
            Array.Clear(_quadratic, 0, _f * _f);
        }
        else
        {
            _ = Builder;
        }
    }

    /// <summary>A builder holding the sub-QUBO's decisions first (made on first use); the dense terms join it in <see cref="Build"/>.</summary>
    public ConstrainedQuboBuilder Builder
    {
        get
        {
            if (_builder is null)
            {
                _builder = new ConstrainedQuboBuilder();
                foreach (var label in _labels)
                {
                    _builder.Objective.AddVariable(label);
                }
            }

            return _builder;
        }
    }

    public void AddLinear(int a, double w)
    {
        if (_dense)
        {
            _linear[a] += w;
        }
        else
        {
            _builder!.Objective.AddLinear(a, w);
        }
    }

    public void AddQuadratic(int a, int b, double w)
    {
        if (_dense)
        {
            _quadratic[(Math.Min(a, b) * _f) + Math.Max(a, b)] += w;
        }
        else
        {
            _builder!.Objective.AddQuadratic(a, b, w);
        }
    }

    /// <summary>The sub-QUBO: decisions first, then any slack bits the builder added.</summary>
    public BinaryQuadraticModel Build()
    {
        if (_builder is { } builder)
        {
            if (_dense)
            {
                var objective = builder.Objective;
                for (var a = 0; a < _f; a++)
                {
                    objective.AddLinear(a, _linear[a]);
                    for (var b = a + 1; b < _f; b++)
                    {
                        if (_quadratic[(a * _f) + b] != 0.0)
                        {
                            objective.AddQuadratic(a, b, _quadratic[(a * _f) + b]);
                        }
                    }
                }
            }

            return builder.Build(penaltyWeight: 1.0).Model;
        }

        var rowStart = new int[_f + 1];
        for (var a = 0; a < _f; a++)
        {
            for (var b = a + 1; b < _f; b++)
            {
                if (_quadratic[(a * _f) + b] != 0.0)
                {
                    rowStart[a + 1]++;
                    rowStart[b + 1]++;
                }
            }
        }

        for (var a = 0; a < _f; a++)
        {
            rowStart[a + 1] += rowStart[a];
        }

        var neighbors = new int[rowStart[_f]];
        var weights = new double[rowStart[_f]];
        var fill = (int[])rowStart.Clone();
        // rows in ascending neighbour order: b < a from the column pass first, then b > a
        for (var a = 0; a < _f; a++)
        {
            for (var b = 0; b < _f; b++)
            {
                var w = b < a ? _quadratic[(b * _f) + a] : b > a ? _quadratic[(a * _f) + b] : 0.0;
                if (w != 0.0)
                {
                    neighbors[fill[a]] = b;
                    weights[fill[a]++] = w;
                }
            }
        }

        return new BinaryQuadraticModel(Vartype.Binary, _linear.AsSpan(0, _f).ToArray(), rowStart, neighbors, weights, 0.0, _labels);
    }
}
