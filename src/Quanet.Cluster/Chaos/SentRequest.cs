namespace Quanet.Cluster.Chaos;

/// <summary>
/// One request a sender got 202 for (seconds since the run began): when its first attempt and its successful attempt
/// started, when it was answered, and its events per region.
/// </summary>
internal sealed record SentRequest(int Sender, double FirstAttempt, double AttemptStarted, double Acknowledged, int Events, IReadOnlyDictionary<string, int> Regions);
