using Quanet.Optimization.Qubo.Constraints;
using Quanet.Planning.Placement;
using Quanet.Workflows.Formulations;

namespace Quanet.Workflows.Tests.Formulations;

public sealed class FormulationStudiesTests
{
    private static readonly FormulationSampling Sampling = new() { Reads = 16, Sweeps = 200, Seed = 3 };

    [Fact]
    public void Set_cover_study_has_one_report_per_formulation_and_notes_that_equality_is_slack()
    {
        // rows {0,1}, {1,2}, {2,3}; columns cover two adjacent rows each, plus a dear column covering all: optimum 2 (columns 0 and 2)
        var instance = new CoverageInstance([1, 1, 1, 1], [1, 1, 1, 5], [[0, 1], [1, 2], [2, 3], [0, 1, 2, 3]]);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };

        var study = FormulationStudies.Placement(instance, goal, FormulationStudies.All, Sampling, optimum: null, TimeSpan.FromSeconds(10));

        Assert.Equal(2, study.Reference);
        Assert.Equal("cpsat (proven optimal)", study.ReferenceSource);
        Assert.Equal(["slack", "unbalanced", "equality"], study.Reports.Select(r => r.Formulation));
        Assert.Equal(study.Reports[0] with { Formulation = "equality" }, study.Reports[2]);
        Assert.Equal(0, study.Reports[1].SlackVariables);
        Assert.True(study.Reports[0].SlackVariables > 0);
        Assert.Contains(study.Notes, n => n.StartsWith("equality:", StringComparison.Ordinal));
        Assert.All(study.Reports, r => Assert.True(r.BestObjective is null || r.BestObjective >= 2));
    }

    [Fact]
    public void Steiner_study_reports_costs_of_the_whole_instance()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "examples", "steiner", "instance057.gr");
        var graph = Quanet.Optimization.Steiner.StpReader.ReadFile(path);

        var study = FormulationStudies.Steiner(graph, Sampling with { Reads = 4, Sweeps = 50 }, optimum: null, TimeSpan.FromSeconds(30));

        // PACE 2018 instance057: optimum 353 (optima.csv of the PACE 2018 track 1 set)
        Assert.Equal(353, study.Reference);
        Assert.Equal("exact (proven optimal)", study.ReferenceSource);
        var report = Assert.Single(study.Reports);
        Assert.Equal("equality", report.Formulation);
        Assert.Equal(0, report.SlackVariables);
        Assert.Equal(353, report.Optimum);
        Assert.True(report.BestObjective is null || report.BestObjective >= 353);
    }

    [Fact]
    public void Steiner_study_of_an_instance_the_reductions_solve_says_so_in_one_line()
    {
        // PACE 2018 instance001 (optimum 503): the reduction tests (with the nearest-vertex test) leave one terminal
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "examples", "steiner", "instance001.gr");
        var graph = Quanet.Optimization.Steiner.StpReader.ReadFile(path);

        var error = Assert.Throws<Quanet.Core.QuanetException>(() => FormulationStudies.Steiner(graph, Sampling with { Reads = 4, Sweeps = 50 }, optimum: null, TimeSpan.FromSeconds(30)));

        Assert.Equal("the reduction tests solve this instance entirely (cost 503): there is no QUBO to build", error.Message);
    }
}
