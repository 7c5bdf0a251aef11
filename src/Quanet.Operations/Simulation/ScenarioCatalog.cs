using Quanet.Operations.Simulation.Scenarios;

namespace Quanet.Operations.Simulation;

/// <summary>The fault kinds the simulator knows, by name, and the default mix.</summary>
public static class ScenarioCatalog
{
    /// <summary>All registered scenarios (one class per kind).</summary>
    public static IReadOnlyList<IFaultScenario> All { get; } =
    [
        new FibreCutScenario(),
        new PowerLossScenario(),
        new DuCrashScenario(),
        new MisconfigurationScenario(),
        new CongestionScenario(),
        new KpiDegradationScenario(),
    ];

    /// <summary>Default faults per 24 h: kind and count.</summary>
    public static IReadOnlyList<(string Kind, int Count)> DefaultMix { get; } =
    [
        ("fibre_cut", 4), ("power_loss", 4), ("du_crash", 5), ("misconfiguration", 4), ("congestion", 4), ("kpi_degradation", 5),
    ];

    /// <summary>The scenario named <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static IFaultScenario Find(string kind) =>
        All.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.Ordinal))
        ?? throw new ArgumentException($"unknown fault kind '{kind}' (known: {string.Join(", ", All.Select(s => s.Kind))})", nameof(kind));

    /// <summary>Parses <c>kind[=count],...</c> (count per 24 h, default 1).</summary>
    /// <exception cref="ArgumentException">Unknown kind or bad count.</exception>
    public static List<(string Kind, int Count)> ParseMix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2);
            var count = 1;
            if (pieces.Length == 2 && (!int.TryParse(pieces[1], System.Globalization.CultureInfo.InvariantCulture, out count) || count < 0))
            {
                throw new ArgumentException($"--faults: '{part}' needs a non-negative count after '='");
            }

            result.Add((Find(pieces[0]).Kind, count));
        }

        return result;
    }
}
