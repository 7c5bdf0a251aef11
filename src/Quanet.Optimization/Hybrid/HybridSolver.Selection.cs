using System.Runtime.InteropServices;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Hybrid;

/// <summary>Subproblem selection: qbsolv's energy-impact windows and structured neighbourhoods, alternately.</summary>
public sealed partial class HybridSolver
{
    private sealed class Selection(HybridModel model, HybridHooks hooks, int seed)
    {
        private readonly double[] _delta = new double[model.VariableCount];
        private readonly double[] _keys = new double[model.VariableCount];
        private readonly int[] _order = new int[model.VariableCount];
        private readonly int[] _seen = new int[model.VariableCount];
        private readonly List<int> _pick = [];
        private readonly List<int> _ruined = [];
        private readonly List<int> _layer = [];
        private readonly List<int> _next = [];
        private readonly List<int> _around = [];
        private readonly List<int> _constraints = [];
        private readonly int[] _conSeen = new int[model.ConstraintCount];
        private readonly double[] _conLhs = new double[model.ConstraintCount];
        private readonly int[] _hits = new int[model.VariableCount];
        private readonly SubQuboScratch _scratch = new(model.VariableCount, model.ConstraintCount);
        private int[] _ring = new int[16];
        private double[] _ringKeys = new double[16];
        private Xoshiro256 _rng = new(Xoshiro256.ReadSeed(seed, 0));
        private int _stamp;
        private int _window;

        /// <summary>The names of the selectors, in the order of <see cref="Last"/>.</summary>
        public static readonly string[] Names = ["impact", "neighbourhood", "ruin"];

        /// <summary>Which selector built the last subproblem (index into <see cref="Names"/>).</summary>
        public int Last { get; private set; }

        public Subproblem Next(HybridState state, int round, int subSize, HybridEncoding encoding)
        {
            var n = model.VariableCount;
            _pick.Clear();
            _ruined.Clear();
            var k = Math.Min(subSize, n);
            Last = (round % 4) switch { 0 => 0, 1 => 1, _ => 2 };
            // every flip delta for the impact order only; the neighbourhood computes the ones it ranks
            if (Last == 0)
            {
                for (var i = 0; i < n; i++)
                {
                    _delta[i] = model.FlipDelta(state, i);
                }
            }

            switch (Last)
            {
                case 0:
                    Impact(k);
                    break;
                case 1:
                    Neighbourhood(state, k);
                    break;
                default:
                    Ruin(state, k);
                    break;
            }

            // the ruined variables are 0 while the subproblem is clamped (the state is restored before returning)
            foreach (var r in _ruined)
            {
                model.Flip(state, r);
            }

            var sub = model.Clamp(state, CollectionsMarshal.AsSpan(_pick), encoding, _scratch);
            // slack bits of residual constraints count against the size: drop the farthest or least promising
            while (sub.Model.VariableCount > subSize && _pick.Count > 1)
            {
                var keep = Math.Max(1, Math.Min(_pick.Count - 1, (int)((long)_pick.Count * subSize / sub.Model.VariableCount)));
                _pick.RemoveRange(keep, _pick.Count - keep);
                sub = model.Clamp(state, CollectionsMarshal.AsSpan(_pick), encoding, _scratch);
            }

            foreach (var r in _ruined)
            {
                model.Flip(state, r);
            }

            return _ruined.Count == 0 ? sub : sub with { Ruined = [.. _ruined] };
        }

        // qbsolv's ordering: most favourable flips first (ties in random order), a window that moves through it
        private void Impact(int k)
        {
            var n = _order.Length;
            for (var i = 0; i < n; i++)
            {
                _order[i] = i;
            }

            for (var i = n - 1; i > 0; i--)
            {
                var j = _rng.NextInt(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }

            for (var i = 0; i < n; i++)
            {
                _keys[i] = _delta[_order[i]];
            }

            Array.Sort(_keys, _order);
            if (_window + k > n)
            {
                _window = 0;
            }

            for (var i = 0; i < k; i++)
            {
                _pick.Add(_order[_window + i]);
            }

            _window += Math.Max(1, k / 2);
        }

        // a random set variable (or any, when none is set) and what lies around it, breadth first; within a ring the
        // set variables first (they are what a move rearranges), then the most favourable flips
        private void Neighbourhood(HybridState state, int k)
        {
            // every other time around a variable that is not set: the set ones around it are what adding it could replace
            var center = _rng.NextInt(2) == 0 ? RandomSetVariable(state) : RandomUnsetVariable(state);

            _stamp++;
            _seen[center] = _stamp;
            _pick.Add(center);
            _layer.Clear();
            _layer.Add(center);
            while (_pick.Count < k && _layer.Count > 0)
            {
                _next.Clear();
                foreach (var v in _layer)
                {
                    CollectNeighbours(v);

                    foreach (var u in _around)
                    {
                        if (_seen[u] != _stamp)
                        {
                            _seen[u] = _stamp;
                            _next.Add(u);
                        }
                    }
                }

                var count = FillRing(_next);
                for (var i = 0; i < count; i++)
                {
                    _ringKeys[i] = (state.X[_ring[i]] == 1 ? -1e300 : model.FlipDelta(state, _ring[i])) + (1e-9 * _rng.NextDouble());
                }

                Array.Sort(_ringKeys, _ring, 0, count);
                _layer.Clear();
                for (var i = 0; i < count; i++)
                {
                    var u = _ring[i];
                    if (_pick.Count >= k)
                    {
                        break;
                    }

                    _pick.Add(u);
                    _layer.Add(u);
                }
            }
        }

        // a random variable that is not set, or any variable when 64 draws find none
        private int RandomUnsetVariable(HybridState state)
        {
            var n = _order.Length;
            var v = _rng.NextInt(n);
            for (var tries = 0; tries < 64 && state.X[v] == 1; tries++)
            {
                v = _rng.NextInt(n);
            }

            return v;
        }

        // a random set variable, or any variable when 64 draws find none set
        private int RandomSetVariable(HybridState state)
        {
            var n = _order.Length;
            var v = _rng.NextInt(n);
            for (var tries = 0; tries < 64 && state.X[v] == 0; tries++)
            {
                v = _rng.NextInt(n);
            }

            return v;
        }

        // copies items into the reused ring buffers (grown when needed) and returns their count
        private int FillRing(List<int> items)
        {
            if (_ring.Length < items.Count)
            {
                var size = Math.Max(items.Count, 2 * _ring.Length);
                _ring = new int[size];
                _ringKeys = new double[size];
            }

            items.CopyTo(_ring);
            return items.Count;
        }

        // the variables around v (the problem's own neighbourhood, or the model's couplings and constraints) into _around
        private void CollectNeighbours(int v)
        {
            _around.Clear();
            if (hooks.Neighbourhood is { } near)
            {
                _around.AddRange(near(v));
            }
            else
            {
                model.AddNeighbours(v, _around);
            }
        }

        // ruin and recreate (large-neighbourhood search): free d = 2..6 set variables that share a constraint or coupling
        // with a random set one, then the variables that could restore the constraints their removal would break,
        // cheapest objective per restored constraint first (ties by the seed); constraints still met by the clamped
        // variables drop out of the subproblem, so its residual constraints have few free variables
        private void Ruin(HybridState state, int k)
        {
            var center = RandomSetVariable(state);

            _stamp++;
            _seen[center] = _stamp;
            _pick.Add(center);
            CollectNeighbours(center);

            for (var i = _around.Count - 1; i > 0; i--)
            {
                var j = _rng.NextInt(i + 1);
                (_around[i], _around[j]) = (_around[j], _around[i]);
            }

            var freed = Math.Min(Math.Max(1, k / 4), 2 + _rng.NextInt(5));
            foreach (var u in _around)
            {
                if (_pick.Count >= freed)
                {
                    break;
                }

                if (state.X[u] == 1 && _seen[u] != _stamp)
                {
                    _seen[u] = _stamp;
                    _pick.Add(u);
                }
            }

            _constraints.Clear();
            foreach (var r in _pick)
            {
                if (state.X[r] == 0)
                {
                    continue;
                }

                var cons = model.ConstraintsOf(r);
                var coefs = model.CoefficientsOf(r);
                for (var e = 0; e < cons.Length; e++)
                {
                    var c = cons[e];
                    if (_conSeen[c] != _stamp)
                    {
                        _conSeen[c] = _stamp;
                        _conLhs[c] = state.Lhs[c];
                        _constraints.Add(c);
                    }

                    _conLhs[c] -= coefs[e];
                }
            }

            _layer.Clear();
            foreach (var c in _constraints)
            {
                if (model.Penalty(c, _conLhs[c]) <= 0)
                {
                    continue;
                }

                foreach (var v in model.VariablesOf(c))
                {
                    if (_seen[v] == _stamp)
                    {
                        continue;
                    }

                    if (_seen[v] != -_stamp)
                    {
                        _seen[v] = -_stamp;
                        _hits[v] = 0;
                        _layer.Add(v);
                    }

                    _hits[v]++;
                }
            }

            var ringCount = FillRing(_layer);
            for (var i = 0; i < ringCount; i++)
            {
                var v = _ring[i];
                _ringKeys[i] = (state.Field[v] / _hits[v]) + (1e-9 * _rng.NextDouble());
            }

            Array.Sort(_ringKeys, _ring, 0, ringCount);
            // the freed set variables leave the subproblem at 0 (ruin); the sub-QUBO chooses among the candidates (recreate)
            foreach (var r in _pick)
            {
                if (state.X[r] == 1)
                {
                    _ruined.Add(r);
                }
            }

            _pick.RemoveAll(r => state.X[r] == 1);
            for (var i = 0; i < ringCount && _pick.Count < k; i++)
            {
                _pick.Add(_ring[i]);
            }

            if (_pick.Count == 0)
            {
                // nothing to recreate with: free the ruined ones instead of removing them
                _pick.AddRange(_ruined);
                _ruined.Clear();
            }

        }
    }
}
