namespace Quanet.Planning.Radio;

/// <summary>The path-loss models selectable by name (<c>--model</c>).</summary>
public static class PathLossModels
{
    private static readonly IPathLossModel[] All =
    [
        new OkumuraHataPathLoss(HataEnvironment.Suburban, CitySize.SmallMedium),
        new OkumuraHataPathLoss(HataEnvironment.Urban, CitySize.SmallMedium),
        new OkumuraHataPathLoss(HataEnvironment.Urban, CitySize.Large),
        new OkumuraHataPathLoss(HataEnvironment.Open, CitySize.SmallMedium),
        new RmaPathLoss(ChannelCondition.LineOfSight),
        new RmaPathLoss(ChannelCondition.NonLineOfSight),
        new UmaPathLoss(ChannelCondition.LineOfSight),
        new UmaPathLoss(ChannelCondition.NonLineOfSight),
        new UmiPathLoss(ChannelCondition.LineOfSight),
        new UmiPathLoss(ChannelCondition.NonLineOfSight),
        new FreeSpacePathLoss(),
    ];

    /// <summary>The names of every model, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(All, m => m.Name);

    /// <summary>The model called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No model has that name.</exception>
    public static IPathLossModel Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var model in All)
        {
            if (string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }

        throw new ArgumentException($"unknown path-loss model '{name}' (known: {string.Join(", ", Names)})", nameof(name));
    }
}
