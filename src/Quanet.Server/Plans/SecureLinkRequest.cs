using System.Globalization;
using Quanet.Security.Qkd;
using Quanet.Workflows.Artifacts;

namespace Quanet.Server.Plans;

/// <summary>
/// The body of the secure endpoints (<c>/api/v1/secure/...</c>); fields mirror <c>quanet qkd rate</c> and
/// <c>quanet secure</c> options, each optional with the CLI's default.
/// </summary>
internal sealed record SecureLinkRequest
{
    /// <summary>Fibre length in km (<c>qkd/rate</c>, <c>trusted-nodes</c>).</summary>
    public double? DistanceKm { get; init; }

    /// <summary>Sweep start in km. <value>Default 0.</value></summary>
    public double? FromKm { get; init; }

    /// <summary>Sweep end in km. <value>Default 160.</value></summary>
    public double? ToKm { get; init; }

    /// <summary>Sweep step in km. <value>Default 10.</value></summary>
    public double? StepKm { get; init; }

    /// <summary>decoy, vacuum-weak or gllp. <value>Default decoy (rate, sweep), vacuum-weak (trusted nodes).</value></summary>
    public string? Protocol { get; init; }

    /// <summary>Link physics; null for the GYS parameters the CLI defaults to.</summary>
    public QkdLinkParameters? Link { get; init; }

    /// <summary>Secret-key rate the link needs, bit/s. <value>Default 10,000.</value></summary>
    public double? RequiredRateBps { get; init; }

    /// <summary>Most trusted nodes per link. <value>Default 3.</value></summary>
    public int? MaxTrustedNodes { get; init; }

    /// <summary>Every problem with the fields the endpoint of <paramref name="kind"/> uses (rate, sweep, trusted-nodes).</summary>
    public IReadOnlyList<string> Problems(string kind, out QkdProtocol protocol)
    {
        var problems = new List<string>();
        protocol = QkdProtocol.Decoy;
        var name = Protocol ?? (kind == "trusted-nodes" ? "vacuum-weak" : "decoy");
        if (SecurityPolicy.ParseProtocol(name) is { } parsed)
        {
            protocol = parsed;
        }
        else
        {
            problems.Add($"protocol '{name}' is not one of decoy, vacuum-weak, gllp");
        }

        if (kind != "sweep" && !(DistanceKm is >= 0 && double.IsFinite(DistanceKm.Value)))
        {
            problems.Add("distanceKm is required and must be >= 0");
        }

        if (kind == "sweep")
        {
            var (from, to, step) = Sweep;
            if (!(from >= 0) || !(to >= from) || !double.IsFinite(to) || !(step > 0) || (to - from) / step > 1000)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the sweep needs 0 <= fromKm <= toKm and stepKm > 0 with at most 1000 steps (got {from}..{to} by {step})"));
            }
        }

        if (kind == "trusted-nodes")
        {
            problems.AddRange(new SecurityPolicy { RequiredRateBitsPerSecond = RequiredRateBps ?? 10_000, MaxTrustedNodes = MaxTrustedNodes ?? 3, Link = Link ?? QkdLinkParameters.Gys }.Problems());
        }
        else if (Link is not null)
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

    /// <summary>The sweep's range with its defaults.</summary>
    public (double From, double To, double Step) Sweep => (FromKm ?? 0, ToKm ?? 160, StepKm ?? 10);
}
