using Quanet.Planning.Capacity;

namespace Quanet.Planning.Tests.Capacity;

public sealed class SpectralEfficiencyTests
{
    [Fact]
    public void Cqi_1_is_reached_at_minus_7_16_db()
    {
        // 10 log10(2^(0.1523 / 0.6) - 1) = -7.1586 dB
        var threshold = SpectralEfficiency.ServedSinrDecibels(CqiTable.Lte);

        Assert.Equal(-7.1586, threshold, 4);
        Assert.Equal(0.1523, SpectralEfficiency.FromDecibels(threshold, CqiTable.Lte), 9);
        Assert.Equal(0, SpectralEfficiency.FromDecibels(threshold - 0.01, CqiTable.Lte));
    }

    [Fact]
    public void Between_floor_and_ceiling_it_is_the_attenuated_shannon_bound()
    {
        // 10 dB: 0.6 log2(11) = 2.07566 bit/s/Hz
        Assert.Equal(0.6 * Math.Log2(11), SpectralEfficiency.FromDecibels(10, CqiTable.Lte), 12);
        Assert.Equal(2.07566, SpectralEfficiency.FromDecibels(10, CqiTable.Lte), 5);
    }

    [Fact]
    public void The_ceiling_is_cqi_15_of_each_table()
    {
        // LTE reaches 5.5547 at 27.86 dB, NR 256QAM 7.4063 at 37.16 dB
        Assert.Equal(27.8618, SpectralEfficiency.SinrDecibelsFor(5.5547), 4);
        Assert.Equal(5.5547, SpectralEfficiency.FromDecibels(30, CqiTable.Lte));
        Assert.Equal(0.6 * Math.Log2(1 + 1000), SpectralEfficiency.FromDecibels(30, CqiTable.Nr256), 12);
        Assert.Equal(7.4063, SpectralEfficiency.FromDecibels(40, CqiTable.Nr256));
    }
}
