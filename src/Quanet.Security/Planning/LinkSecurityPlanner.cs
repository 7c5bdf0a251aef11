using System.Globalization;
using Quanet.Core.Units;
using Quanet.Security.Qkd;

namespace Quanet.Security.Planning;

/// <summary>
/// Decides per backhaul link between QKD over the whole fibre, QKD over equal segments joined by
/// trusted nodes, and the post-quantum X25519MLKEM768 hybrid, against a required secret-key rate.
/// </summary>
/// <param name="link">Link physics (defaults to the GYS parameters).</param>
/// <param name="protocol">Key-rate bound; vacuum + weak decoy, the practical one, by default.</param>
/// <param name="maxTrustedNodes">Most trusted nodes that may be inserted into one link.</param>
public sealed class LinkSecurityPlanner(QkdLinkParameters link, QkdProtocol protocol = QkdProtocol.VacuumWeak, int maxTrustedNodes = 3)
{
    private readonly QkdLinkParameters _link = Validated(link);

    /// <summary>Decides for a link of <paramref name="length"/> that needs <paramref name="requiredBitsPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative required rate.</exception>
    public LinkSecurityDecision Decide(Kilometres length, double requiredBitsPerSecond)
    {
        if (!(requiredBitsPerSecond >= 0) || !double.IsFinite(requiredBitsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requiredBitsPerSecond), requiredBitsPerSecond, "required key rate must be >= 0 bit/s");
        }

        var direct = DecoyBb84Model.OptimalRate(_link, protocol, length).RateBitsPerSecond;
        if (direct > 0 && direct >= requiredBitsPerSecond)
        {
            return new LinkSecurityDecision(LinkSecurityMode.QkdDirect, length.Value, direct, 0, length.Value, direct,
                $"QKD over {Format(length.Value)} km gives {FormatRate(direct)}");
        }

        for (var nodes = 1; nodes <= maxTrustedNodes; nodes++)
        {
            var segment = length.Value / (nodes + 1);
            var rate = DecoyBb84Model.OptimalRate(_link, protocol, new Kilometres(segment)).RateBitsPerSecond;
            if (rate > 0 && rate >= requiredBitsPerSecond)
            {
                return new LinkSecurityDecision(LinkSecurityMode.QkdTrustedNodes, length.Value, direct, nodes, segment, rate,
                    $"{nodes} trusted node(s), {nodes + 1} segments of {Format(segment)} km give {FormatRate(rate)}");
            }
        }

        return new LinkSecurityDecision(LinkSecurityMode.PqcHybrid, length.Value, direct, 0, 0, 0,
            $"QKD gives {FormatRate(direct)} direct and too little with {maxTrustedNodes} trusted node(s): X25519MLKEM768");
    }

    private static QkdLinkParameters Validated(QkdLinkParameters link)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.Validate();
        return link;
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string FormatRate(double bitsPerSecond) => bitsPerSecond switch
    {
        >= 1e6 => (bitsPerSecond / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " Mbit/s",
        >= 1e3 => (bitsPerSecond / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " kbit/s",
        _ => bitsPerSecond.ToString("0.##", CultureInfo.InvariantCulture) + " bit/s",
    };
}
