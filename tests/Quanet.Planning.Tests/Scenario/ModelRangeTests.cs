using Quanet.Core;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Scenario;

/// <summary>A request outside its path-loss model's ranges is refused, or planned with warnings when extrapolation is allowed.</summary>
public sealed class ModelRangeTests
{
    [Fact]
    public void The_default_plan_is_inside_every_range_of_its_model()
    {
        Assert.Empty(new PlanRequest().ModelRangeViolations());
        Assert.Empty(ScenarioBuilder.Build(PlannerTests.Saarland, TimeProvider.System).Warnings);
    }

    [Fact]
    public void Hata_at_3_5_GHz_is_a_problem_of_the_request_naming_the_range()
    {
        var request = PlannerTests.Saarland with { BandMegahertz = 3500 };

        var problems = request.Problems();

        Assert.Contains(problems, p => p.Contains("150-1500 MHz", StringComparison.Ordinal) && p.Contains("allow extrapolation", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => ScenarioBuilder.Build(request, TimeProvider.System));
    }

    [Fact]
    public void Allowed_extrapolation_plans_and_says_what_was_extrapolated()
    {
        var request = PlannerTests.Saarland with { BandMegahertz = 3500, AllowExtrapolation = true };

        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);

        Assert.Empty(request.Problems());
        Assert.Contains(scenario.Warnings, w => w.StartsWith("extrapolated: hata-suburban is defined for a carrier of 150-1500 MHz", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_candidate_below_the_models_heights_is_refused_by_name()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("quanet-range-").FullName, "sites.csv");
        File.WriteAllText(file, "id,lat,lon,cost,height,flag\nrooftop-7,49.3,7.0,1,12,\n");
        var request = PlannerTests.Saarland with { CandidatesFile = file };

        var ex = Assert.Throws<QuanetException>(() => ScenarioBuilder.Build(request, TimeProvider.System));

        Assert.StartsWith("candidate site rooftop-7: hata-suburban is defined for a base-station height of 30-200 m", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ScenarioBuilder.Build(request with { AllowExtrapolation = true }, TimeProvider.System).Warnings,
            w => w.Contains("not 12 m", StringComparison.Ordinal));
    }
}
