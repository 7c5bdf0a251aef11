using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qaoa.Routing;

public sealed partial class SabreRouter
{
    /// <summary>One routing pass over a gate list from a given layout; emits gates when given an output circuit.</summary>
    private sealed partial class Pass
    {
        private readonly SabreRouter _options;
        private readonly CouplingMap _map;
        private readonly Gate[] _gates;
        private readonly QuantumCircuit? _output;
        private readonly LayoutState _layout;
        private readonly int[] _pending;
        private readonly List<int>[] _successors;
        private readonly double[] _decay;
        private readonly List<int> _front = [];
        private readonly List<int> _extended = [];
        private readonly List<(int A, int B)> _candidates = [];
        private readonly List<int> _ties = [];
        private readonly int[] _seen;
        private int _stamp;

        public Pass(SabreRouter options, CouplingMap map, Gate[] gates, int logicalCount, int[] layout, QuantumCircuit? output)
        {
            (_options, _map, _gates, _output) = (options, map, gates, output);
            _layout = new LayoutState(layout, map.QubitCount);
            _pending = new int[gates.Length];
            _successors = new List<int>[gates.Length];
            _decay = new double[map.QubitCount];
            _seen = new int[gates.Length];
            var last = new int[logicalCount];
            Array.Fill(last, -1);
            for (var k = 0; k < gates.Length; k++)
            {
                _successors[k] = [];
                Link(last, gates[k].Qubit, k);
                if (gates[k].IsTwoQubit && last[gates[k].Target] != k)
                {
                    Link(last, gates[k].Target, k);
                }

                if (_pending[k] == 0)
                {
                    _front.Add(k);
                }
            }
        }

        public int[] Run(ref Xoshiro256 rng)
        {
            Array.Fill(_decay, 1.0);
            var swapsSinceProgress = 0;
            while (_front.Count > 0)
            {
                if (ExecuteReady())
                {
                    Array.Fill(_decay, 1.0);
                    swapsSinceProgress = 0;
                    continue;
                }

                if (swapsSinceProgress >= 10 + (2 * _map.QubitCount))
                {
                    // release valve: the heuristic is cycling, walk the oldest front gate's qubits together
                    ForceFirst();
                    swapsSinceProgress = 0;
                    continue;
                }

                var (a, b) = ChooseSwap(ref rng);
                Swap(a, b);
                _decay[a] += _options.DecayIncrement;
                _decay[b] += _options.DecayIncrement;
                if (++swapsSinceProgress % _options.DecayReset == 0)
                {
                    Array.Fill(_decay, 1.0);
                }
            }

            return _layout.LogicalToPhysical;
        }

        private void Link(int[] last, int qubit, int gate)
        {
            if (last[qubit] >= 0)
            {
                _successors[last[qubit]].Add(gate);
                _pending[gate]++;
            }

            last[qubit] = gate;
        }

        private bool ExecuteReady()
        {
            var any = false;
            for (var i = 0; i < _front.Count; i++)
            {
                var k = _front[i];
                var gate = _gates[k];
                var l2p = _layout.LogicalToPhysical;
                if (gate.IsTwoQubit && !_map.AreCoupled(l2p[gate.Qubit], l2p[gate.Target]))
                {
                    continue;
                }

                _output?.Add(gate.Relabel(l2p));
                _front.RemoveAt(i--);
                any = true;
                foreach (var s in _successors[k])
                {
                    if (--_pending[s] == 0)
                    {
                        _front.Add(s);
                    }
                }
            }

            return any;
        }

        private void Swap(int a, int b)
        {
            _output?.Add(Gate.SwapOf(a, b));
            _layout.SwapPhysical(a, b);
        }

        private void ForceFirst()
        {
            var first = _front.Min();
            var gate = _gates[first];
            var l2p = _layout.LogicalToPhysical;
            while (!_map.AreCoupled(l2p[gate.Qubit], l2p[gate.Target]))
            {
                var from = l2p[gate.Qubit];
                var to = l2p[gate.Target];
                foreach (var v in _map.Neighbors(from))
                {
                    if (_map.Distance(v, to) < _map.Distance(from, to))
                    {
                        Swap(from, v);
                        break;
                    }
                }
            }
        }
    }
}
