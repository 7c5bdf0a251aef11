using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>
/// Amazon Braket's annealing problem IR (<c>braket.ir.annealing.problem</c> v1): <c>type</c> QUBO or ISING,
/// <c>linear</c> keyed by qubit index, <c>quadratic</c> keyed <c>"i,j"</c>. Export only; the offset is not part of the IR.
/// </summary>
public static class BraketAnnealingFormat
{
    /// <summary>Writes <paramref name="model"/> as a Braket annealing problem in its own variable domain.</summary>
    public static string Format(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var linear = new JsonObject();
        for (var i = 0; i < model.VariableCount; i++)
        {
            if (model.Linear[i] != 0.0)
            {
                linear[i.ToString(CultureInfo.InvariantCulture)] = model.Linear[i];
            }
        }

        var quadratic = new JsonObject();
        foreach (var (i, j, w) in model.Interactions())
        {
            quadratic[string.Create(CultureInfo.InvariantCulture, $"{i},{j}")] = w;
        }

        var doc = new JsonObject
        {
            ["braketSchemaHeader"] = new JsonObject { ["name"] = "braket.ir.annealing.problem", ["version"] = "1" },
            ["type"] = model.Vartype == Vartype.Binary ? "QUBO" : "ISING",
            ["linear"] = linear,
            ["quadratic"] = quadratic,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
