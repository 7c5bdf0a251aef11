namespace Quanet.Cluster.Local;

/// <summary>One process of a local cluster as <c>cluster.json</c> lists it.</summary>
/// <param name="Name">Its name (<c>n1</c>, <c>silo-1</c>, <c>collector-1</c>).</param>
/// <param name="Pid">Its process ID when the file was written (0: not running).</param>
/// <param name="Program">A string its command line contains (a check that the ID was not reused).</param>
/// <param name="Address">Where it listens (a URL, or <c>127.0.0.1:PORT</c>).</param>
/// <param name="Ports">Its other ports by name.</param>
public sealed record ProcessEntry(string Name, int Pid, string Program, string Address, IReadOnlyDictionary<string, int> Ports);
