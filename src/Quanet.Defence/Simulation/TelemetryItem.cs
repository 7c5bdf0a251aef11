using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Simulation;

/// <summary>One generated telemetry line with its time and, for attack traffic, the attack it belongs to (-1 for benign).</summary>
internal readonly record struct TelemetryItem(DateTimeOffset At, TelemetryKind Kind, byte[] Line, int Attack);
