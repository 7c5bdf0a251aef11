using Quanet.Planning.Placement;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;

namespace Quanet.Console.Tests.Support;

/// <summary>
/// The default scenario (Bavaria, LTE 800, 60 sites; CP-SAT proves it in seconds) with backhaul and security,
/// planned once through the real workflow and written as a plan directory the console opens.
/// </summary>
internal static class DefaultPlan
{
    private static readonly Lazy<Task<string>> Planned = new(PlanAsync);

    /// <summary>The plan directory (plan.geojson, backhaul.geojson, security.geojson, ...).</summary>
    public static Task<string> DirectoryAsync() => Planned.Value;

    /// <summary>The files the console opens, in the order a user would pick them.</summary>
    public static async Task<string[]> FilesAsync()
    {
        var dir = await DirectoryAsync();
        return [Path.Combine(dir, "plan.geojson"), Path.Combine(dir, "backhaul.geojson"), Path.Combine(dir, "security.geojson")];
    }

    private static async Task<string> PlanAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "quanet-console-plan-" + Environment.ProcessId);
        if (File.Exists(Path.Combine(dir, "security.geojson")))
        {
            return dir;
        }

        // the default scenario on the place points (the demand before the modelled surface): its optimum is pinned
        var request = new PlanWorkflowRequest
        {
            Scenario = new Quanet.Planning.Scenario.PlanRequest { DemandModel = Quanet.Planning.Population.DemandModel.Places },
            Solvers = [new CpSatPlacementSolver()],
            TimeLimit = TimeSpan.FromSeconds(120),
            Backhaul = new BackhaulStepOptions(),
            Security = new SecurityPolicy(),
        };
        var result = await new PlanWorkflow().RunAsync(request);
        PlanArtifactWriter.WritePlan(result, dir);
        return dir;
    }
}
