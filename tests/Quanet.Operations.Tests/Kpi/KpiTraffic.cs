using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Kpi;

/// <summary>Three weeks of hourly cell traffic with a daily busy hour (19:00), scaled by a factor per hour.</summary>
internal static class KpiTraffic
{
    /// <summary>Monday 2024-01-01 00:00 UTC, seconds.</summary>
    public const long Monday = 1_704_067_200;

    public const int Hours = 21 * 24;

    public static long Micros(int hour) => (Monday + (hour * 3600L)) * 1_000_000L;

    /// <summary>One measurement event per hour in [from, to) for <paramref name="source"/>, with KPIs <paramref name="kpis"/>.</summary>
    public static IEnumerable<VesEvent> Events(string source, int from, int to, Func<int, double> factor, params string[] kpis)
    {
        kpis = kpis.Length == 0 ? ["dl_volume"] : kpis;
        for (var h = from; h < to; h++)
        {
            var shape = 20 + (80 * Math.Exp(-Math.Pow(((h % 24) - 19) / 4.0, 2)));
            var f = factor(h);
            var values = kpis.Select((k, i) => new VesMeasurement("cell-1", k, shape * (1 + (0.03 * Math.Sin((h + (7 * i)) * 12.9898))) * f)).ToArray();
            yield return KpiEvents.Measurement(source, Micros(h), values);
        }
    }

    /// <summary>A drop to a fifth in hours [from, to).</summary>
    public static Func<int, double> Drop(int from, int to) => h => h >= from && h < to ? 0.2 : 1.0;

    public static Func<int, double> Normal => _ => 1.0;
}
