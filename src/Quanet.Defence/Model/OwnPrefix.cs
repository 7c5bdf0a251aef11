using System.Net;

namespace Quanet.Defence.Model;

/// <summary>A prefix of our own with the origins allowed to announce it and the longest allowed length (like a ROA).</summary>
/// <param name="Network">The prefix.</param>
/// <param name="AllowedOrigins">AS numbers allowed to originate it.</param>
/// <param name="MaxLength">Longest prefix length allowed to be announced within it.</param>
public sealed record OwnPrefix(IPNetwork Network, IReadOnlyList<long> AllowedOrigins, int MaxLength);
