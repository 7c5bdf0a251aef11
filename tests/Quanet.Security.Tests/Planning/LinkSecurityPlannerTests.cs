using Quanet.Core.Units;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;

namespace Quanet.Security.Tests.Planning;

public sealed class LinkSecurityPlannerTests
{
    private readonly LinkSecurityPlanner _planner = new(QkdLinkParameters.Gys, QkdProtocol.VacuumWeak, maxTrustedNodes: 3);

    [Fact]
    public void A_short_link_gets_direct_QKD()
    {
        var decision = _planner.Decide(new Kilometres(20), 10_000);

        Assert.Equal(LinkSecurityMode.QkdDirect, decision.Mode);
        Assert.Equal(decision.DirectRateBitsPerSecond, decision.KeyRateBitsPerSecond);
        Assert.True(decision.KeyRateBitsPerSecond >= 10_000);
    }

    [Fact]
    public void A_link_beyond_QKD_reach_gets_the_fewest_trusted_nodes_that_meet_the_rate()
    {
        var decision = _planner.Decide(new Kilometres(162), 10_000);

        // 162 km is past the ~142 km reach; two 81 km segments give well over 10 kbit/s
        Assert.Equal(LinkSecurityMode.QkdTrustedNodes, decision.Mode);
        Assert.Equal(1, decision.TrustedNodes);
        Assert.Equal(81, decision.SegmentKm, 9);
        Assert.Equal(0, decision.DirectRateBitsPerSecond);
    }

    [Fact]
    public void A_link_too_long_even_with_trusted_nodes_falls_back_to_the_PQC_hybrid()
    {
        var decision = _planner.Decide(new Kilometres(585), 10_000);

        Assert.Equal(LinkSecurityMode.PqcHybrid, decision.Mode);
        Assert.Equal(0, decision.KeyRateBitsPerSecond);
        Assert.EndsWith("X25519MLKEM768", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_higher_required_rate_needs_more_trusted_nodes()
    {
        var low = _planner.Decide(new Kilometres(120), 1_000);
        var high = _planner.Decide(new Kilometres(120), 200_000);

        Assert.True(high.TrustedNodes > low.TrustedNodes, $"{high.TrustedNodes} vs {low.TrustedNodes}");
    }
}
