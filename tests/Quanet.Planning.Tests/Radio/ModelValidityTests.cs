using Quanet.Planning.Radio;

namespace Quanet.Planning.Tests.Radio;

/// <summary>Every path-loss model declares the ranges its reference states, and names them when a request leaves them.</summary>
public sealed class ModelValidityTests
{
    // model, MHz from-to, distance m from-to, h_BS from-to, h_UT from-to: Okumura-Hata (150-1500 MHz, 1-20 km,
    // h_b 30-200 m, h_m 1-10 m) and COST-231 Hata (urban to 2000 MHz); 3GPP TR 38.901 Table 7.4.1-1.
    [Theory]
    [InlineData("hata-suburban", 150, 1500, 1000, 20000, 30, 200, 1, 10)]
    [InlineData("hata-open", 150, 1500, 1000, 20000, 30, 200, 1, 10)]
    [InlineData("hata-urban", 150, 2000, 1000, 20000, 30, 200, 1, 10)]
    [InlineData("hata-urban-large", 150, 2000, 1000, 20000, 30, 200, 1, 10)]
    [InlineData("rma-los", 500, 30000, 10, 10000, 10, 150, 1, 10)]
    [InlineData("rma-nlos", 500, 30000, 10, 5000, 10, 150, 1, 10)]
    [InlineData("uma-los", 500, 100000, 10, 5000, 25, 25, 1.5, 22.5)]
    [InlineData("uma-nlos", 500, 100000, 10, 5000, 25, 25, 1.5, 22.5)]
    [InlineData("umi-los", 500, 100000, 10, 5000, 10, 10, 1.5, 22.5)]
    [InlineData("umi-nlos", 500, 100000, 10, 5000, 10, 10, 1.5, 22.5)]
    public void Each_model_declares_the_ranges_of_its_reference(string name, double fLow, double fHigh, double dLow, double dHigh, double hbLow, double hbHigh, double hmLow, double hmHigh)
    {
        var v = PathLossModels.Create(name).Validity;

        Assert.Equal((fLow, fHigh), (v.FrequencyMegahertz.Min, v.FrequencyMegahertz.Max));
        Assert.Equal((dLow, dHigh), (v.Distance2DMetres.Min, v.Distance2DMetres.Max));
        Assert.Equal((hbLow, hbHigh), (v.BaseStationHeightMetres.Min, v.BaseStationHeightMetres.Max));
        Assert.Equal((hmLow, hmHigh), (v.UserHeightMetres.Min, v.UserHeightMetres.Max));
    }

    [Fact]
    public void Hata_at_3_5_GHz_is_refused_naming_its_range_and_the_carrier()
    {
        var model = PathLossModels.Create("hata-suburban");

        var problems = model.Validity.Violations(model.Name, 3500, 30, 1.5);

        var problem = Assert.Single(problems);
        Assert.Contains("150-1500 MHz", problem, StringComparison.Ordinal);
        Assert.Contains("not 3500 MHz", problem, StringComparison.Ordinal);
        Assert.Contains("Okumura-Hata", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ends_of_a_range_are_inside_it()
    {
        var model = PathLossModels.Create("hata-suburban");

        Assert.Empty(model.Validity.Violations(model.Name, 1500, 30, 1, 20_000));
        Assert.Empty(model.Validity.Violations(model.Name, 150, 200, 10, 1000));
    }

    [Fact]
    public void A_base_station_height_the_TR_fixes_is_refused_when_another_is_given()
    {
        var model = PathLossModels.Create("uma-nlos");

        var problem = Assert.Single(model.Validity.Violations(model.Name, 3500, 30, 1.5));

        Assert.Contains("base-station height of 25 m", problem, StringComparison.Ordinal);
        Assert.Empty(model.Validity.Violations(model.Name, 3500, 25, 1.5, 300));
    }

    [Fact]
    public void A_coverage_radius_outside_the_distance_range_is_named()
    {
        var model = PathLossModels.Create("hata-urban");

        var problem = Assert.Single(model.Validity.Violations(model.Name, 1800, 30, 1.5, 650));

        Assert.Contains("distances of 1000-20000 m", problem, StringComparison.Ordinal);
        Assert.Contains("650 m", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_space_holds_everywhere_quanet_plans()
    {
        var model = PathLossModels.Create("free-space");

        Assert.Empty(model.Validity.Violations(model.Name, 100_000, 300, 1.5, 50_000));
        Assert.Empty(model.Validity.Violations(model.Name, 30, 1, 0.5, 1));
    }
}
