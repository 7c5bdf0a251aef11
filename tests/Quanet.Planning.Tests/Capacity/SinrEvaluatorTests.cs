using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Capacity;

public sealed class SinrEvaluatorTests
{
    [Fact]
    public void Three_sites_on_a_line_give_the_sinr_worked_by_hand()
    {
        // free space at 800 MHz, antennas all 1.5 m high (3D = 2D distance); the point 1, 2 and 3 km from the sites.
        // Received power 46 dBm (61 dBm EIRP - 3 dB body - 12 dB penetration) - FSPL: -44.5096 dBm from the nearest;
        // powers go as 1/d^2, so without noise SINR = 1 / (1/4 + 1/9) = 36/13 = 4.42359 dB; noise -174 + 70 + 7 = -97 dBm
        // (52.5 dB below the server) takes it to 4.42352 dB.
        var scenario = LineScenario.Build(LineScenario.Request(
            [("x", 0, 100)], [("s1", 1, 1.5, 1, ""), ("s2", 2, 1.5, 1, ""), ("s3", 3, 1.5, 1, "")], new PlacementGoal { MaxSites = 3 }, "free-space"));
        var evaluator = new SinrEvaluator(scenario);

        var field = evaluator.Evaluate([0, 1, 2]);

        Assert.Equal(0, field.Server[0]);
        Assert.Equal(-97, evaluator.NoiseDbm, 9);
        Assert.Equal(-44.5096, 10 * Math.Log10(field.Signal[0]), 4);
        Assert.Equal(4.423524, 10 * Math.Log10(field.Sinr(0)), 5);
        var interferenceOnly = 10 * Math.Log10(36.0 / 13);
        Assert.InRange(interferenceOnly - (10 * Math.Log10(field.Sinr(0))), 0, 1e-4);
    }

    [Fact]
    public void Two_sites_give_the_ratio_of_their_powers_and_the_nearer_serves()
    {
        // the point 1 km from s1 and 4 km from s2: interference-limited SINR 10 log10(16) = 12.04 dB
        var scenario = LineScenario.Build(LineScenario.Request(
            [("x", 0, 100)], [("s1", -1, 1.5, 1, ""), ("s2", 4, 1.5, 1, "")], new PlacementGoal { MaxSites = 2 }, "free-space"));

        var field = new SinrEvaluator(scenario).Evaluate([0, 1]);

        Assert.Equal(0, field.Server[0]);
        Assert.Equal(10 * Math.Log10(16), 10 * Math.Log10(field.Sinr(0)), 3);
    }

    [Fact]
    public void Sites_beyond_the_cutoff_are_left_out_and_bounded_30_db_below_noise()
    {
        // Hata suburban, 30 m masts: one site falls 30 dB below noise at about 43 km; one 100 km away is left out
        var scenario = LineScenario.Build(LineScenario.Request(
            [("x", 0, 100)], [("near", 1, 30, 1, ""), ("far", 100, 30, 1, "")], new PlacementGoal { MaxSites = 2 }));
        var evaluator = new SinrEvaluator(scenario);

        var field = evaluator.Evaluate([0, 1]);

        Assert.InRange(evaluator.CutoffMetres, 40_000, 46_000);
        Assert.Equal(1, field.LeftOut[0]);
        Assert.Equal(field.Signal[0], field.Total[0]);
        Assert.Equal(-30, field.LeftOutBelowNoiseDb(), 2);
    }

    [Fact]
    public void A_point_out_of_every_site_cutoff_has_no_server()
    {
        var scenario = LineScenario.Build(LineScenario.Request(
            [("x", 0, 100), ("y", 200, 100)], [("near", 1, 30, 1, "")], new PlacementGoal { MaxSites = 1 }));

        var field = new SinrEvaluator(scenario).Evaluate([0]);

        Assert.Equal(-1, field.Server[1]);
        Assert.Equal(0, field.Sinr(1));
    }
}
