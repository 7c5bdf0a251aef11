using System.Globalization;
using System.Text;

namespace Quanet.Kme.Control;

/// <summary>Per-link gauges in the Prometheus text exposition format (version 0.0.4), one family per quantity.</summary>
internal static class PrometheusMetrics
{
    /// <summary>The exposition's content type.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The metrics of <paramref name="links"/>: key rate, pool level, usable blocks per end, up, failures, QBER where reported.</summary>
    public static string Write(IReadOnlyList<LinkView> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var text = new StringBuilder();
        Family(text, "quanet_qkd_link_up", "gauge", "1 if the link is up (both KMEs report, no recent relay failure), else 0", links, l => l.Up ? 1 : 0);
        Family(text, "quanet_qkd_link_key_rate_bits_per_second", "gauge", "Secret key rate of the link's key supply in bits/s", links, l => l.RateBitsPerSecond);
        Family(text, "quanet_qkd_link_pool_keys", "gauge", "Pool level of the link in 256-bit keys (blocks) held at its KMEs", links, l => l.PoolBlocks);
        Family(text, "quanet_qkd_link_qber", "gauge", "Quantum bit error rate of the link (0..1) where its supply reports one", links, l => l.Qber);
        Family(text, "quanet_qkd_link_failures_total", "counter", "Relay failures KMEs reported on the link", links, l => l.Failures);
        text.Append("# HELP quanet_qkd_link_usable_keys Pool blocks (256-bit keys) one end of the link may spend\n# TYPE quanet_qkd_link_usable_keys gauge\n");
        foreach (var link in links)
        {
            Sample(text, "quanet_qkd_link_usable_keys", link.Name, link.A, link.UsableBlocksA);
            Sample(text, "quanet_qkd_link_usable_keys", link.Name, link.B, link.UsableBlocksB);
        }

        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help, IReadOnlyList<LinkView> links, Func<LinkView, double?> value)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var link in links)
        {
            if (value(link) is { } v)
            {
                Sample(text, name, link.Name, null, v);
            }
        }
    }

    private static void Sample(StringBuilder text, string name, string link, string? kme, double value)
    {
        text.Append(name).Append("{link=\"").Append(Escape(link)).Append('"');
        if (kme is not null)
        {
            text.Append(",kme=\"").Append(Escape(kme)).Append('"');
        }

        text.Append("} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Escape(string label) =>
        label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
