using System.Globalization;
using Quanet.Planning.Capacity;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Planning.Radio;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;
using Quanet.Workflows.Solvers;

namespace Quanet.Server.Plans;

/// <summary>
/// The one place a submission is checked and turned into the workflow request <c>quanet plan</c> would build:
/// the server's own limits and names first, then the workflow request's own checks, every problem together.
/// </summary>
internal static class PlanSubmissionValidator
{
    /// <summary>The request, or null with every problem of <paramref name="submission"/>.</summary>
    /// <param name="submission">The submission (with the server-set upload names).</param>
    /// <param name="limits">The server's per-job limits.</param>
    /// <param name="inputDirectory">Where the uploaded files are kept.</param>
    public static (PlanWorkflowRequest? Request, IReadOnlyList<string> Problems) Build(PlanSubmission submission, PlanServerOptions limits, string inputDirectory)
    {
        var problems = new List<string>();
        var region = submission.Region ?? "DE";
        if (!EmbeddedData.Countries.Contains(region.ToUpperInvariant()))
        {
            problems.Add($"region '{region}' is not one of the embedded countries ({string.Join(", ", EmbeddedData.Countries)})");
        }

        var model = submission.Model ?? "hata-suburban";
        if (!PathLossModels.Names.Contains(model, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"model '{model}' is not a path-loss model ({string.Join(", ", PathLossModels.Names)})");
        }

        var solver = submission.Solver ?? SolverCatalogue.Placement.DefaultName;
        if (!SolverCatalogue.Placement.Accepts(solver))
        {
            problems.Add(SolverCatalogue.Placement.UnknownName(solver));
            solver = SolverCatalogue.Placement.DefaultName;
        }
        else if (SolverCatalogue.Placement.NotAvailable(solver) is { } why)
        {
            problems.Add("solver " + why);
        }

        var band = submission.Band ?? 800;
        if (!(band > 0) || !double.IsFinite(band))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"band must be a positive frequency in MHz (got {band})"));
        }

        var seconds = submission.TimeLimitSeconds ?? SolverCatalogue.Placement.DefaultSeconds;
        if (!(seconds > 0) || seconds > limits.MaxTimeLimitSeconds)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"timeLimitSeconds must be in (0, {limits.MaxTimeLimitSeconds}] on this server (got {seconds})"));
            seconds = Math.Min(limits.MaxTimeLimitSeconds, SolverCatalogue.Placement.DefaultSeconds);
        }

        var admin1 = PlanRequest.ResolveAdmin1(region, submission.Admin1);
        var capacity = submission.Capacity ?? new PlanCapacitySubmission();
        var objective = PlanObjective.Coverage;
        if (capacity.Objective is { } o && !Enum.TryParse(o, ignoreCase: true, out objective))
        {
            problems.Add($"capacity.objective '{o}' is not one of coverage, sinr, traffic");
        }

        var demandModel = Planning.Population.DemandModel.Surface;
        if (submission.DemandModel is { } dm)
        {
            if (string.Equals(dm, "places", StringComparison.OrdinalIgnoreCase))
            {
                demandModel = Planning.Population.DemandModel.Places;
            }
            else if (!string.Equals(dm, "surface", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"demandModel '{dm}' is not one of surface, places");
            }
        }

        var goal = submission.Target is { } target
            ? new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = target, MaxSites = submission.Sites, Budget = submission.Budget }
            : new PlacementGoal { MaxSites = submission.Sites ?? (submission.Budget is null ? PlanRequest.DefaultSites : null), Budget = submission.Budget };
        var request = new PlanWorkflowRequest
        {
            Scenario = new PlanRequest
            {
                Country = region.ToUpperInvariant(),
                Admin1 = admin1,
                BandMegahertz = band,
                Model = model,
                AllowExtrapolation = submission.AllowExtrapolation == true,
                DemandFile = submission.DemandFile is { } demand ? Path.Combine(inputDirectory, demand) : null,
                CandidatesFile = submission.CandidatesFile is { } candidates ? Path.Combine(inputDirectory, candidates) : null,
                DemandModel = demandModel,
                CellSizeKilometres = submission.CellSizeKilometres ?? 1,
                Goal = goal,
                Capacity = new CapacityRequest
                {
                    Objective = objective,
                    MinSinrDb = capacity.MinSinrDb,
                    Sectors = capacity.Sectors ?? 1,
                    TrafficPerPersonKbps = capacity.TrafficPerPersonKbps ?? CapacityRequest.DefaultTrafficPerPersonKbps,
                    RemovalCost = capacity.RemovalCost ?? 0,
                    MaxRounds = capacity.Rounds ?? 4,
                },
                LinkBudget = new LinkBudget { BandwidthHz = (capacity.BandwidthMhz ?? 10) * 1e6 },
            },
            Solvers = SolverCatalogue.Placement.Resolve(solver),
            Seed = submission.Seed ?? 1,
            TimeLimit = TimeSpan.FromSeconds(seconds),
            Backhaul = submission.Backhaul is { } b ? new BackhaulStepOptions { PopCount = b.Pops ?? 3 } : null,
            Security = submission.Security == true ? new SecurityPolicy() : null,
        };
        problems.AddRange(request.Problems());
        return problems.Count == 0 ? (request, problems) : (null, problems);
    }
}
