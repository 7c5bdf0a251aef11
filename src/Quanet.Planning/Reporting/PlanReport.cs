using Quanet.Planning.Scenario;

namespace Quanet.Planning.Reporting;

/// <summary>
/// The HTML plan report: a map made of <see cref="Layers"/> and a list of <see cref="Sections"/>. Other areas add
/// their own layers (e.g. a backhaul tree) and sections (e.g. a security report) before writing.
/// </summary>
public sealed class PlanReport
{
    /// <summary>Creates the report of <paramref name="plan"/> with the default layers and sections.</summary>
    public PlanReport(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        Title = $"Tower plan: {plan.Scenario.Region.Name}";
        Layers.Add(new RegionLayer(plan));
        Layers.Add(new CoverageLayer(plan));
        Layers.Add(new DemandLayer(plan, covered: false));
        Layers.Add(new DemandLayer(plan, covered: true));
        Layers.Add(new SiteLayer(plan));
        Sections.Add(new SummarySection(plan));
        Sections.Add(new SolverSection(plan));
        Sections.Add(new RadioSection(plan));
        Sections.Add(new SitesSection(plan));
        if (plan.Radio is { } radio)
        {
            Sections.Add(new CapacitySection(plan, radio));
        }
    }

    /// <summary>The plan.</summary>
    public Plan Plan { get; }

    /// <summary>Page title.</summary>
    public string Title { get; set; }

    /// <summary>Map layers, drawn in ascending <see cref="IMapLayer.Order"/>.</summary>
    public IList<IMapLayer> Layers { get; } = new List<IMapLayer>();

    /// <summary>Sections, in order.</summary>
    public IList<IReportSection> Sections { get; } = new List<IReportSection>();

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        using var writer = new StreamWriter(path);
        HtmlReportWriter.Write(this, writer);
    }
}
