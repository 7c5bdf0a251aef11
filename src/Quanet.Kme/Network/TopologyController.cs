namespace Quanet.Kme.Network;

/// <summary>The SDN controller of a <see cref="NetworkTopology"/> (its optional <c>"controller"</c> object).</summary>
/// <param name="Id">The controller's ID, its certificate's subject CN (as <c>quanet kme certs --kme ID</c> issues it).</param>
/// <param name="Listen">The <c>HOST:PORT</c> it listens on, which the KMEs also use to reach it.</param>
/// <param name="Operators">Client identities (certificate CNs of the network's CA) besides the KMEs that may read its API.</param>
public sealed record TopologyController(string Id, string Listen, IReadOnlyList<string> Operators);
