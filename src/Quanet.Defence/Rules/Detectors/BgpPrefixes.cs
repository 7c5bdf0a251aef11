using System.Net;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>Prefix containment helpers.</summary>
internal static class BgpPrefixes
{
    /// <summary>Whether <paramref name="inner"/> lies within <paramref name="outer"/> (equal counts).</summary>
    public static bool Covers(IPNetwork outer, IPNetwork inner) =>
        inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);

    public static bool CoveredByAny(IReadOnlyList<IPNetwork> outers, IPNetwork inner)
    {
        foreach (var outer in outers)
        {
            if (Covers(outer, inner))
            {
                return true;
            }
        }

        return false;
    }
}
