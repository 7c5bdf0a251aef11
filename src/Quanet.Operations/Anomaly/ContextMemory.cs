namespace Quanet.Operations.Anomaly;

/// <summary>
/// The context memory of the Contextual Anomaly Detector (CAD OSE, M. Smirnov 2016, as run in NAB):
/// a context is a pair of semi-contexts, a left fact set (the previous step's sensor facts and active
/// "neurons") and a right fact set (sensor facts), with counters of how often the left side was seen,
/// how many right facts followed and how often the right side matched completely. Semi-contexts are
/// shared between contexts and indexed by fact, so one step crosses the input with all of them.
/// </summary>
internal sealed partial class ContextMemory
{
    private readonly int _maxLeftLength;
    private readonly List<SemiContext>[] _all = [[], []];
    private readonly Dictionary<ulong, int>[] _index = [[], []];
    private readonly Dictionary<int, List<SemiContext>>[] _byFact = [[], []];
    private readonly List<SemiContext>[] _crossed = [[], []];
    private readonly List<Context> _contexts = [];
    private readonly ulong _tieBreakSeed;
    private int _newContextId;

    /// <param name="maxLeftLength">Longest left side of a learned context.</param>
    /// <param name="tieBreakSeed">Seeds the semi-context hashes that order equally active contexts (0: CAD's fixed order; other values only to measure how much scores depend on that tie-break).</param>
    public ContextMemory(int maxLeftLength, ulong tieBreakSeed = 0)
    {
        _maxLeftLength = maxLeftLength;
        _tieBreakSeed = tieBreakSeed;
    }

    /// <summary>Contexts stored so far.</summary>
    public int ContextCount => _contexts.Count;

    /// <summary>Hash of a fact set (sorted), the key of a semi-context.</summary>
    public static ulong Hash(ReadOnlySpan<int> facts, ulong seed = 0)
    {
        var h = 0x9E3779B97F4A7C15UL ^ seed ^ (ulong)facts.Length;
        foreach (var f in facts)
        {
            h = (h ^ (uint)f) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }

        return h;
    }

    private sealed class SemiContext(int id, int[] facts, ulong hash)
    {
        public int Id { get; } = id;

        public int Length { get; } = facts.Length;

        public ulong Hash { get; } = hash;

        public int[] Crossed { get; } = new int[facts.Length];

        public int CrossedCount { get; set; }

        // Left semi-contexts only: right semi-context id -> context id, in insertion order.
        public List<int> RightIds { get; } = [];

        public List<int> ContextIds { get; } = [];

        public Dictionary<int, int> ContextByRight { get; } = [];
    }

    private sealed class Context(int rightMask, bool zeroLevel, ulong leftHash, ulong rightHash)
    {
        public long Selected { get; set; }

        public long Hits { get; set; }

        public int Activations { get; set; }

        public int RightMask { get; } = rightMask;

        public bool ZeroLevel { get; set; } = zeroLevel;

        public ulong LeftHash { get; } = leftHash;

        public ulong RightHash { get; } = rightHash;
    }
}
