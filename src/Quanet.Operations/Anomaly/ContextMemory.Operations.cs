using System.Numerics;

namespace Quanet.Operations.Anomaly;

/// <summary>The three operations of one CAD step: store the zero-level context, cross the right side, cross the left side.</summary>
internal sealed partial class ContextMemory
{
    private const int Left = 0;
    private const int Right = 1;
    private readonly int[] _rightFacts = new int[32];

    /// <summary>
    /// Looks up the context (previous left facts, current sensor facts) and stores it if new; a stored
    /// one is marked zero-level. Returns whether it was new.
    /// </summary>
    public bool AddZeroLevel(ReadOnlySpan<int> leftFacts, int rightMask) => GetOrAdd(leftFacts, rightMask, zeroLevel: true);

    /// <summary>
    /// Crosses the right semi-contexts with <paramref name="sensorFacts"/>, then for every left semi-context
    /// crossed completely on the previous step updates its contexts' counters, collects the contexts whose
    /// right side matched completely (<paramref name="active"/>) and, after a new zero-level context,
    /// the partial matches as potential new contexts. Returns the number of contexts selected.
    /// </summary>
    public int CrossRight(ReadOnlySpan<int> sensorFacts, bool newContextFlag, List<ActiveContext> active, PotentialContexts potential)
    {
        Cross(Right, sensorFacts);
        var selected = 0;
        foreach (var left in _crossed[Left])
        {
            var leftComplete = left.Length == left.CrossedCount;
            for (var k = 0; k < left.ContextIds.Count; k++)
            {
                var contextId = left.ContextIds[k];
                if (contextId == _newContextId)
                {
                    continue;
                }

                var context = _contexts[contextId];
                var right = _all[Right][left.RightIds[k]];
                if (leftComplete)
                {
                    selected++;
                    context.Selected += right.Length;
                    if (right.CrossedCount > 0)
                    {
                        context.Hits += right.CrossedCount;
                        if (right.Length == right.CrossedCount)
                        {
                            context.Activations++;
                            active.Add(new ActiveContext(contextId, context.Activations, context.LeftHash, context.RightHash));
                        }
                        else if (context.ZeroLevel && newContextFlag && left.CrossedCount <= _maxLeftLength)
                        {
                            potential.Add(left.Crossed.AsSpan(0, left.CrossedCount), Mask(right));
                        }
                    }
                }
                else if (context.ZeroLevel && newContextFlag && right.CrossedCount > 0 && left.CrossedCount <= _maxLeftLength)
                {
                    potential.Add(left.Crossed.AsSpan(0, left.CrossedCount), Mask(right));
                }
            }
        }

        _newContextId = 0;
        return selected;
    }

    /// <summary>
    /// Stores the potential new contexts, then crosses the left semi-contexts with <paramref name="leftFacts"/>
    /// and returns the union (as a sensor-fact mask) of the right sides of the completely matched
    /// contexts with the best ratio hits / selected: the prediction for the next step.
    /// </summary>
    public int CrossLeft(ReadOnlySpan<int> leftFacts, PotentialContexts potential, out int added)
    {
        added = 0;
        for (var p = 0; p < potential.Count; p++)
        {
            added += GetOrAdd(potential.LeftFacts(p), potential.RightMask(p), zeroLevel: false) ? 1 : 0;
        }

        Cross(Left, leftFacts);
        var bestWeight = 0.0;
        var prediction = 0;
        foreach (var left in _crossed[Left])
        {
            if (left.Length != left.CrossedCount)
            {
                continue;
            }

            foreach (var contextId in left.ContextIds)
            {
                var context = _contexts[contextId];
                var weight = context.Selected > 0 ? context.Hits / (double)context.Selected : 0.0;
                if (weight > bestWeight)
                {
                    bestWeight = weight;
                    prediction = context.RightMask;
                }
                else if (weight == bestWeight)
                {
                    prediction |= context.RightMask;
                }
            }
        }

        return prediction;
    }

    private static int Mask(SemiContext right)
    {
        var mask = 0;
        for (var i = 0; i < right.CrossedCount; i++)
        {
            mask |= 1 << right.Crossed[i];
        }

        return mask;
    }

    private void Cross(int side, ReadOnlySpan<int> facts)
    {
        foreach (var semi in _crossed[side])
        {
            semi.CrossedCount = 0;
        }

        foreach (var fact in facts)
        {
            if (_byFact[side].TryGetValue(fact, out var list))
            {
                foreach (var semi in list)
                {
                    semi.Crossed[semi.CrossedCount++] = fact;
                }
            }
        }

        // Crossed semi-contexts in creation order, as the reference keeps them.
        var crossed = _crossed[side];
        crossed.Clear();
        foreach (var semi in _all[side])
        {
            if (semi.CrossedCount > 0)
            {
                crossed.Add(semi);
            }
        }
    }

    private bool GetOrAdd(ReadOnlySpan<int> leftFacts, int rightMask, bool zeroLevel)
    {
        var left = GetOrAddSemi(Left, leftFacts);
        var rightCount = 0;
        for (var bits = rightMask; bits != 0; bits &= bits - 1)
        {
            _rightFacts[rightCount++] = BitOperations.TrailingZeroCount(bits);
        }

        var right = GetOrAddSemi(Right, _rightFacts.AsSpan(0, rightCount));
        if (left.ContextByRight.TryGetValue(right.Id, out var existing))
        {
            if (zeroLevel)
            {
                _contexts[existing].ZeroLevel = true;
            }

            return false;
        }

        var id = _contexts.Count;
        _contexts.Add(new Context(rightMask, zeroLevel, left.Hash, right.Hash));
        left.ContextByRight.Add(right.Id, id);
        left.RightIds.Add(right.Id);
        left.ContextIds.Add(id);
        if (zeroLevel)
        {
            _newContextId = id;
        }

        return true;
    }

    private SemiContext GetOrAddSemi(int side, ReadOnlySpan<int> facts)
    {
        var hash = Hash(facts, _tieBreakSeed);
        if (_index[side].TryGetValue(hash, out var id))
        {
            return _all[side][id];
        }

        var semi = new SemiContext(_all[side].Count, facts.ToArray(), hash);
        _index[side].Add(hash, semi.Id);
        _all[side].Add(semi);
        foreach (var fact in facts)
        {
            if (!_byFact[side].TryGetValue(fact, out var list))
            {
                list = [];
                _byFact[side].Add(fact, list);
            }

            list.Add(semi);
        }

        return semi;
    }
}
