using System.Text.Json;
using CsCheck;
using Quanet.Operations.Action;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Operations.Tests.Action.Mutation;

/// <summary>
/// Hostile mutants of the shipped runbooks (YAML, and one as JSON) through <see cref="RunbookCatalog.Parse"/>:
/// each either reads or refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class RunbookMutationTests
{
    private const int Iterations = 200;

    [Fact]
    public void Runbook_yaml_reader_survives_mutants() =>
        Run([.. ShippedYaml()]);

    [Fact]
    public void Runbook_json_reader_survives_mutants()
    {
        var json = JsonSerializer.Serialize(RunbookCatalog.Parse(ShippedYaml().First(), "congestion.yaml"), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true });

        Run(json);
    }

    private static IEnumerable<string> ShippedYaml()
    {
        var assembly = typeof(RunbookCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return reader.ReadToEnd();
        }
    }

    private static void Run(params string[] seeds) =>
        InputMutations.Of(seeds).Sample(input => HostileInput.Check(input, b => RunbookCatalog.Parse(HostileInput.Text(b), "runbook.yaml")), iter: Iterations, threads: 1);
}
