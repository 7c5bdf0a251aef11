using Quanet.Core.Units;
using Quanet.Planning.Radio;

namespace Quanet.Planning.Tests.Radio;

// Reference received powers from ns-3 three-gpp-propagation-loss-model-test-suite.cc (fc = 5 GHz, 0 dBm transmit,
// shadowing off, BS at (0, 0, h_BS), UT at (d, 0, 1.5)): the received power is -PL over the 3D distance.
public sealed class Tr38901PathLossTests
{
    private const double Tolerance = 1e-3;

    [Theory]
    [InlineData(10, -72.9380)]
    [InlineData(100, -86.2362)]
    [InlineData(1000, -109.7252)]
    [InlineData(5000, -137.6794)]
    public void Uma_los_matches_ns3(double distance, double receivedDbm) =>
        Assert.Equal(receivedDbm, -new UmaPathLoss(ChannelCondition.LineOfSight).Loss(new Metres(distance), Geometry(25)).Value, Tolerance);

    [Theory]
    [InlineData(10, -82.5131)]
    [InlineData(100, -106.1356)]
    [InlineData(1000, -144.7641)]
    [InlineData(5000, -172.0753)]
    public void Uma_nlos_matches_ns3(double distance, double receivedDbm) =>
        Assert.Equal(receivedDbm, -new UmaPathLoss(ChannelCondition.NonLineOfSight).Loss(new Metres(distance), Geometry(25)).Value, Tolerance);

    [Theory]
    [InlineData(10, -77.3784)]
    [InlineData(100, -87.2965)]
    [InlineData(1000, -108.5577)]
    [InlineData(10000, -140.3896)]
    public void Rma_los_matches_ns3(double distance, double receivedDbm) =>
        Assert.Equal(receivedDbm, -new RmaPathLoss(ChannelCondition.LineOfSight).Loss(new Metres(distance), Geometry(35)).Value, Tolerance);

    [Theory]
    [InlineData(10, -77.3784)]
    [InlineData(100, -95.7718)]
    [InlineData(1000, -133.5223)]
    [InlineData(5000, -160.5169)]
    public void Rma_nlos_matches_ns3(double distance, double receivedDbm) =>
        Assert.Equal(receivedDbm, -new RmaPathLoss(ChannelCondition.NonLineOfSight).Loss(new Metres(distance), Geometry(35)).Value, Tolerance);

    [Theory]
    [InlineData(10, -69.8591)]
    [InlineData(100, -88.4122)]
    [InlineData(1000, -119.3114)]
    [InlineData(5000, -147.2696)]
    public void Umi_los_matches_ns3(double distance, double receivedDbm) =>
        Assert.Equal(receivedDbm, -new UmiPathLoss(ChannelCondition.LineOfSight).Loss(new Metres(distance), Geometry(10)).Value, Tolerance);

    [Theory]
    [InlineData(10, -76.7563)]
    [InlineData(100, -107.9432)]
    [InlineData(1000, -143.1886)]
    [InlineData(5000, -167.8617)]
    public void Umi_nlos_matches_ns3(double distance, double receivedDbm) =>
        Assert.Equal(receivedDbm, -new UmiPathLoss(ChannelCondition.NonLineOfSight).Loss(new Metres(distance), Geometry(10)).Value, Tolerance);

    [Fact]
    public void Uma_los_switches_formula_at_the_breakpoint()
    {
        // d'_BP = 4 (25 - 1)(1.5 - 1) 5 GHz / c = 800.5 m; PL1 and PL2 meet there (TR 38.901 note 1 of Table 7.4.1-1)
        var model = new UmaPathLoss(ChannelCondition.LineOfSight);
        var below = model.Loss(new Metres(800.0), Geometry(25)).Value;
        var above = model.Loss(new Metres(801.0), Geometry(25)).Value;

        Assert.InRange(above - below, 0, 0.1);
    }

    [Fact]
    public void Los_probabilities_follow_table_7_4_2_1()
    {
        Assert.Equal(1.0, UmaPathLoss.LosProbability(18, 1.5));
        Assert.Equal(0.18 + (Math.Exp(-100.0 / 63) * 0.82), UmaPathLoss.LosProbability(100, 1.5), 12);
        Assert.Equal(0.18 + (Math.Exp(-100.0 / 36) * 0.82), UmiPathLoss.LosProbability(100), 12);
        Assert.Equal(Math.Exp(-0.99), RmaPathLoss.LosProbability(1000), 12);
        Assert.True(UmaPathLoss.LosProbability(100, 20) > UmaPathLoss.LosProbability(100, 1.5));
    }

    private static LinkGeometry Geometry(double baseHeight) => new(Frequency.FromGigahertz(5), new Metres(baseHeight), new Metres(1.5));
}
