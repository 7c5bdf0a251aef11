namespace Quanet.Operations.Anomaly;

/// <summary>A context whose both sides matched the input on this step, with the keys CAD ranks them by.</summary>
internal readonly record struct ActiveContext(int Id, int Activations, ulong LeftHash, ulong RightHash) : IComparable<ActiveContext>
{
    public int CompareTo(ActiveContext other)
    {
        var c = Activations.CompareTo(other.Activations);
        if (c != 0)
        {
            return c;
        }

        c = LeftHash.CompareTo(other.LeftHash);
        return c != 0 ? c : RightHash.CompareTo(other.RightHash);
    }
}
