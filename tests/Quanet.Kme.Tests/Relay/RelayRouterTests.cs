using Quanet.Kme.Relay;

namespace Quanet.Kme.Tests.Relay;

public sealed class RelayRouterTests
{
    // 1 - 2 - 3 and 1 - 4 - 3 (a ring of four), plus a long way round 1 - 5 - 6 - 3
    private static readonly RelayRouter Router = new(["1|2", "2|3", "3|4", "1|4", "1|5", "5|6", "3|6"]);

    [Fact]
    public void Fewer_hops_come_first_and_among_equals_the_wider_first_link()
    {
        var paths = Router.Paths("1", "3", 4, neighbour => neighbour == "4" ? 900 : 100, _ => false);

        Assert.Equal(["1>4>3", "1>2>3", "1>5>6>3"], paths.Select(p => string.Join('>', p)));
    }

    [Fact]
    public void Paths_over_a_link_that_failed_recently_come_last()
    {
        var paths = Router.Paths("1", "3", 4, _ => 100, link => link == "2|3");

        Assert.Equal(["1>4>3", "1>5>6>3", "1>2>3"], paths.Select(p => string.Join('>', p)));
    }

    [Fact]
    public void There_is_no_path_to_a_KME_outside_the_network()
    {
        Assert.Empty(Router.Paths("1", "9", 4, _ => 100, _ => false));
    }
}
