using Quanet.Defence.Telemetry;

namespace Quanet.Workflows.Defence;

/// <summary>One telemetry file the user named and the format it is read as.</summary>
/// <param name="Kind">The source: AAA log, flows, BGP updates, signalling records or Suricata eve.json.</param>
/// <param name="Path">The file.</param>
public sealed record TelemetryInput(TelemetryKind Kind, string Path);
