using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Reporting;

namespace Quanet.Cli.Commands.Plan;

/// <summary>
/// Adds a facet to <c>quanet plan</c> (e.g. <c>--backhaul</c>, <c>--secure</c>): its own options, extra files in the
/// output directory, and layers or sections in the HTML report. Register it in <see cref="PlanCommand.Extensions"/>.
/// </summary>
internal interface IPlanExtension
{
    /// <summary>Adds the extension's options to the plan command.</summary>
    void AddOptions(Command command);

    /// <summary>
    /// Runs after the placement is solved and before the report is written: may write files into
    /// <paramref name="outputDirectory"/>, add layers/sections to <paramref name="report"/> and fields to <paramref name="json"/>.
    /// </summary>
    void Apply(CommandContext context, PlanReport report, string outputDirectory, IDictionary<string, object?> json, CancellationToken cancellationToken);
}
