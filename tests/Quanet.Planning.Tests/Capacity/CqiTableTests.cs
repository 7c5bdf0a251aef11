using Quanet.Planning.Capacity;

namespace Quanet.Planning.Tests.Capacity;

public sealed class CqiTableTests
{
    // 3GPP TS 36.213 Table 7.2.3-1 (4-bit CQI table), efficiency column
    [Theory]
    [InlineData(1, 0.1523)]
    [InlineData(6, 1.1758)]
    [InlineData(7, 1.4766)]
    [InlineData(10, 2.7305)]
    [InlineData(15, 5.5547)]
    public void Lte_table_has_the_efficiencies_of_ts_36_213(int cqi, double efficiency) =>
        Assert.Equal(efficiency, CqiTable.Lte.Efficiency(cqi));

    // 3GPP TS 38.214 Table 5.2.2.1-3 (CQI table 2, up to 256QAM)
    [Theory]
    [InlineData(1, 0.1523)]
    [InlineData(2, 0.3770)]
    [InlineData(12, 5.5547)]
    [InlineData(15, 7.4063)]
    public void Nr_table_has_the_efficiencies_of_ts_38_214(int cqi, double efficiency) =>
        Assert.Equal(efficiency, CqiTable.Nr256.Efficiency(cqi));

    [Theory]
    [InlineData(0.1522, 0)]
    [InlineData(0.1523, 1)]
    [InlineData(0.2343, 1)]
    [InlineData(0.2344, 2)]
    [InlineData(5.5546, 14)]
    [InlineData(5.5547, 15)]
    [InlineData(9.0, 15)]
    public void Cqi_is_the_highest_entry_at_or_below_the_efficiency(double efficiency, int cqi) =>
        Assert.Equal(cqi, CqiTable.Lte.Cqi(efficiency));

    [Theory]
    [InlineData(800, "lte")]
    [InlineData(2600, "lte")]
    [InlineData(3500, "nr-256qam")]
    public void The_band_chooses_the_table(double megahertz, string name) =>
        Assert.Equal(name, CqiTable.ForBand(megahertz).Name);

    [Fact]
    public void Cqi_outside_1_to_15_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CqiTable.Lte.Efficiency(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CqiTable.Lte.Efficiency(16));
    }
}
