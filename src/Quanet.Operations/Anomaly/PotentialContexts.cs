namespace Quanet.Operations.Anomaly;

/// <summary>A reusable list of potential new contexts (left facts, right sensor-fact mask) without per-step allocation.</summary>
internal sealed class PotentialContexts
{
    private readonly List<int> _facts = [];
    private readonly List<int> _start = [];
    private readonly List<int> _length = [];
    private readonly List<int> _mask = [];
    private readonly HashSet<(ulong, int)> _unique = [];

    public int Count => _mask.Count;

    /// <summary>Distinct contexts added since <see cref="Clear"/> (including ones added only to the distinct set).</summary>
    public int UniqueCount => _unique.Count;

    public void Clear()
    {
        _facts.Clear();
        _start.Clear();
        _length.Clear();
        _mask.Clear();
        _unique.Clear();
    }

    public void Add(ReadOnlySpan<int> leftFacts, int rightMask)
    {
        _start.Add(_facts.Count);
        _length.Add(leftFacts.Length);
        _mask.Add(rightMask);
        foreach (var f in leftFacts)
        {
            _facts.Add(f);
        }

        _unique.Add((ContextMemory.Hash(leftFacts), rightMask));
    }

    /// <summary>Counts a context as a distinct candidate without storing it (the zero-level one).</summary>
    public void AddUniqueOnly(ReadOnlySpan<int> leftFacts, int rightMask) => _unique.Add((ContextMemory.Hash(leftFacts), rightMask));

    public ReadOnlySpan<int> LeftFacts(int index) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_facts).Slice(_start[index], _length[index]);

    public int RightMask(int index) => _mask[index];
}
