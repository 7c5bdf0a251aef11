using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
    /// <exception cref="ArgumentException">Unknown kind (the message names the known ones).</exception>
    public static IFaultScenario Find(string kind) =>
        TryFind(kind) ?? throw new ArgumentException(UnknownKind(kind));

    /// <summary>Parses <c>kind[=count],...</c> (count per 24 h, default 1).</summary>
    /// <exception cref="ArgumentException">Unknown kind or bad count (one line naming the part and the known kinds).</exception>
    public static List<(string Kind, int Count)> ParseMix(string text) =>
        TryParseMix(text, out var mix, out var error) ? mix : throw new ArgumentException(error);

    /// <summary>Parses <c>kind[=count],...</c> (count per 24 h, default 1) without throwing on bad text.</summary>
    /// <param name="text">The mix, e.g. <c>fibre_cut=8,du_crash</c>.</param>
    /// <param name="mix">The kinds and counts, in the order given; null when <paramref name="text"/> is bad.</param>
    /// <param name="error">One line saying what is wrong (unknown kind with the known ones, or a bad count); null on success.</param>
    /// <returns>Whether <paramref name="text"/> is a valid mix.</returns>
    public static bool TryParseMix(string text, [NotNullWhen(true)] out List<(string Kind, int Count)>? mix, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        mix = null;
        var result = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2);
            var count = 1;
            if (pieces.Length == 2 && (!int.TryParse(pieces[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count < 0))
            {
                error = $"fault mix: '{part}' needs a non-negative count after '='";
                return false;
            }

            if (TryFind(pieces[0]) is not { } scenario)
            {
                error = UnknownKind(pieces[0]);
                return false;
            }

            result.Add((scenario.Kind, count));
        }

        mix = result;
        error = null;
        return true;
    }

    private static IFaultScenario? TryFind(string kind) =>
        All.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.Ordinal));

    private static string UnknownKind(string kind) =>
        $"unknown fault kind '{kind}' (known: {string.Join(", ", All.Select(s => s.Kind))})";
}
