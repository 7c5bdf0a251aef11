namespace Quanet.Cluster.Chaos;

/// <summary>One request a sender got 202 for: when its successful attempt started and was answered (seconds since the run began), and its events per region.</summary>
internal sealed record SentRequest(int Sender, double AttemptStarted, double Acknowledged, int Events, IReadOnlyDictionary<string, int> Regions);
