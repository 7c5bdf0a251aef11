namespace Quanet.Kme.Network;

/// <summary>One KME of a <see cref="NetworkTopology"/>: its ID, where it listens, and the SAEs attached to it.</summary>
/// <param name="Id">The KME ID (its certificate's subject CN).</param>
/// <param name="Listen">The <c>HOST:PORT</c> it listens on, which its neighbours also use to reach it.</param>
/// <param name="Saes">The SAE IDs attached to it.</param>
public sealed record TopologyKme(string Id, string Listen, IReadOnlyList<string> Saes);
