namespace Quanet.Workflows.Plan;

/// <summary>The steps of <see cref="PlanWorkflow"/>, in order.</summary>
public enum PlanStage
{
    /// <summary>Building the scenario: region, demand, candidates, coverage.</summary>
    Scenario,

    /// <summary>Choosing the sites.</summary>
    Placement,

    /// <summary>Designing the fibre backhaul of the chosen sites.</summary>
    Backhaul,

    /// <summary>Deciding the protection of every backhaul link.</summary>
    Security,
}
