using Quanet.Operations.Ingestion;

namespace Quanet.Testing.Kpi;

/// <summary>
/// Hourly downlink volume of one cell as VES 7 measurement events, for the KPI tests of several projects: a daily busy
/// hour at 19:00 (20 + 80 exp(-((h mod 24 - 19) / 4)^2)) with a 3 % deterministic ripple, from Monday 2024-01-01 00:00 UTC.
/// </summary>
internal static class CellTraffic
{
    /// <summary>Hour 0, Unix seconds.</summary>
    public const long Monday = 1_704_067_200;

    /// <summary>The measurement event of <paramref name="hour"/>, its volume times <paramref name="factor"/>.</summary>
    /// <param name="source">The event's sourceName (the network element).</param>
    /// <param name="hour">Hours since <see cref="Monday"/>.</param>
    /// <param name="factor">1 for normal traffic, below 1 for a degradation.</param>
    /// <param name="eventId">The eventId.</param>
    public static VesEvent Event(string source, int hour, double factor, string eventId)
    {
        var shape = 20 + (80 * Math.Exp(-Math.Pow(((hour % 24) - 19) / 4.0, 2)));
        var micros = (Monday + (hour * 3600L)) * 1_000_000L;
        return MeasurementEvent.Create(source, micros, eventId, new VesMeasurement("cell-1", "dl_volume", shape * (1 + (0.03 * Math.Sin(hour * 12.9898))) * factor));
    }
}
