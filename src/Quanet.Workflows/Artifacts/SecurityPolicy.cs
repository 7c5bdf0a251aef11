using System.Globalization;
using Quanet.Security.Qkd;

namespace Quanet.Workflows.Artifacts;

/// <summary>What the security step asks of every backhaul link, and the QKD physics it assumes.</summary>
public sealed record SecurityPolicy
{
    /// <summary>Secret-key rate each link needs, bit/s. <value>Default 10,000.</value></summary>
    public double RequiredRateBitsPerSecond { get; init; } = 10_000;

    /// <summary>Most trusted nodes that may be inserted into one link. <value>Default 3.</value></summary>
    public int MaxTrustedNodes { get; init; } = 3;

    /// <summary>The key-rate bound. <value>Default vacuum + weak decoy, the practical one.</value></summary>
    public QkdProtocol Protocol { get; init; } = QkdProtocol.VacuumWeak;

    /// <summary>Link physics. <value>Default the Gobby-Yuan-Shields parameters.</value></summary>
    public QkdLinkParameters Link { get; init; } = QkdLinkParameters.Gys;

    /// <summary>Every problem of the policy, worded without any host's option names; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(RequiredRateBitsPerSecond > 0) || !double.IsFinite(RequiredRateBitsPerSecond))
        {
            problems.Add($"required key rate must be > 0 bit/s, got {RequiredRateBitsPerSecond.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MaxTrustedNodes is < 0 or > 100)
        {
            problems.Add($"trusted nodes per link must be in 0..100, got {MaxTrustedNodes}");
        }

        if (Link is null)
        {
            problems.Add("link parameters are missing");
        }
        else
        {
            try
            {
                Link.Validate();
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }

    /// <summary>The name of <paramref name="protocol"/> in security.json: decoy, vacuum-weak or gllp.</summary>
    public static string ProtocolName(QkdProtocol protocol) => protocol switch
    {
        QkdProtocol.Decoy => "decoy",
        QkdProtocol.VacuumWeak => "vacuum-weak",
        _ => "gllp",
    };

    /// <summary>The protocol named <paramref name="name"/> (as <see cref="ProtocolName"/> writes it), or null.</summary>
    public static QkdProtocol? ParseProtocol(string? name) => name?.ToLowerInvariant() switch
    {
        "decoy" => QkdProtocol.Decoy,
        "vacuum-weak" => QkdProtocol.VacuumWeak,
        "gllp" => QkdProtocol.Gllp,
        _ => null,
    };
}
