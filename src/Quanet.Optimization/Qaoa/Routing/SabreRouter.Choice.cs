using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qaoa.Routing;

public sealed partial class SabreRouter
{
    private sealed partial class Pass
    {
        private (int A, int B) ChooseSwap(ref Xoshiro256 rng)
        {
            CollectExtendedSet();
            CollectCandidates();
            var bestCost = double.PositiveInfinity;
            _ties.Clear();
            for (var c = 0; c < _candidates.Count; c++)
            {
                var (a, b) = _candidates[c];
                _layout.SwapPhysical(a, b);
                var cost = Math.Max(_decay[a], _decay[b]) * (Mean(_front) + (_options.ExtendedSetWeight * Mean(_extended)));
                _layout.SwapPhysical(a, b);
                if (cost < bestCost - 1e-12)
                {
                    bestCost = cost;
                    _ties.Clear();
                    _ties.Add(c);
                }
                else if (cost <= bestCost + 1e-12)
                {
                    _ties.Add(c);
                }
            }

            return _candidates[_ties[rng.NextInt(_ties.Count)]];
        }

        private double Mean(List<int> gates)
        {
            var (sum, count) = (0.0, 0);
            var l2p = _layout.LogicalToPhysical;
            foreach (var k in gates)
            {
                var gate = _gates[k];
                if (gate.IsTwoQubit)
                {
                    sum += _map.Distance(l2p[gate.Qubit], l2p[gate.Target]);
                    count++;
                }
            }

            return count == 0 ? 0.0 : sum / count;
        }

        // every coupling-map edge touching a physical qubit that holds a qubit of a blocked front gate
        private void CollectCandidates()
        {
            _candidates.Clear();
            var l2p = _layout.LogicalToPhysical;
            foreach (var k in _front)
            {
                var gate = _gates[k];
                if (!gate.IsTwoQubit)
                {
                    continue;
                }

                foreach (var p in (ReadOnlySpan<int>)[l2p[gate.Qubit], l2p[gate.Target]])
                {
                    foreach (var v in _map.Neighbors(p))
                    {
                        var edge = (Math.Min(p, v), Math.Max(p, v));
                        if (!_candidates.Contains(edge))
                        {
                            _candidates.Add(edge);
                        }
                    }
                }
            }
        }

        // the next two-qubit gates after the front layer, breadth first through the successors
        private void CollectExtendedSet()
        {
            _extended.Clear();
            _stamp++;
            var queue = new Queue<int>(_front);
            while (queue.Count > 0 && _extended.Count < _options.ExtendedSetSize)
            {
                var k = queue.Dequeue();
                foreach (var s in _successors[k])
                {
                    if (_seen[s] == _stamp)
                    {
                        continue;
                    }

                    _seen[s] = _stamp;
                    if (_gates[s].IsTwoQubit)
                    {
                        _extended.Add(s);
                        if (_extended.Count >= _options.ExtendedSetSize)
                        {
                            break;
                        }
                    }

                    queue.Enqueue(s);
                }
            }
        }
    }
}
