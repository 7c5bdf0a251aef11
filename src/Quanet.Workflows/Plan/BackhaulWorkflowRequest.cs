namespace Quanet.Workflows.Plan;

/// <summary>One request of <see cref="BackhaulWorkflow"/>: a plan directory and where the PoPs and existing fibre come from.</summary>
public sealed record BackhaulWorkflowRequest
{
    /// <summary>The plan directory holding plan.geojson. Required.</summary>
    public required string PlanDirectory { get; init; }

    /// <summary>A CSV of PoPs (<c>id,lat,lon</c>), or null to take the most populous places.</summary>
    public string? PopsFile { get; init; }

    /// <summary>GeoNames places CSVs to take the PoPs from; empty for the embedded places.</summary>
    public IReadOnlyList<string> PlaceFiles { get; init; } = [];

    /// <summary>A CSV of existing fibre (<c>from,to</c> node ids), or null for none.</summary>
    public string? ExistingFibreFile { get; init; }

    /// <summary>Number of PoPs and the designer's options.</summary>
    public BackhaulStepOptions Step { get; init; } = new();

    /// <summary>Every problem of the request, worded without any host's option names; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PlanDirectory))
        {
            problems.Add("a plan directory is required");
        }

        problems.AddRange(Step?.Problems() ?? ["backhaul options are missing"]);
        return problems;
    }
}
