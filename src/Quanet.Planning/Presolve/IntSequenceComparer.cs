namespace Quanet.Planning.Presolve;

/// <summary>Compares int arrays by content (for grouping demand by covering set).</summary>
internal sealed class IntSequenceComparer : IEqualityComparer<int[]>
{
    public static readonly IntSequenceComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        var hash = new HashCode();
        foreach (var v in obj)
        {
            hash.Add(v);
        }

        return hash.ToHashCode();
    }
}
