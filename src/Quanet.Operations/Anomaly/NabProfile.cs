namespace Quanet.Operations.Anomaly;

/// <summary>A named NAB application profile: <c>standard</c>, <c>reward_low_FP_rate</c> or <c>reward_low_FN_rate</c>.</summary>
/// <param name="Name">The profile's key in <c>config/profiles.json</c>.</param>
/// <param name="Costs">Its cost matrix.</param>
public sealed record NabProfile(string Name, NabCostMatrix Costs)
{
    /// <summary>NAB's standard profile: tp 1, fp 0.11, fn 1.</summary>
    public static NabProfile Standard { get; } = new("standard", new NabCostMatrix(1.0, 0.11, 1.0, 1.0));

    /// <summary>NAB's profile that punishes false positives twice as hard: tp 1, fp 0.22, fn 1.</summary>
    public static NabProfile RewardLowFpRate { get; } = new("reward_low_FP_rate", new NabCostMatrix(1.0, 0.22, 1.0, 1.0));

    /// <summary>NAB's profile that punishes missed windows twice as hard: tp 1, fp 0.11, fn 2.</summary>
    public static NabProfile RewardLowFnRate { get; } = new("reward_low_FN_rate", new NabCostMatrix(1.0, 0.11, 2.0, 1.0));

    /// <summary>The three profiles shipped in NAB's <c>config/profiles.json</c>, in its order.</summary>
    public static IReadOnlyList<NabProfile> Defaults { get; } = [Standard, RewardLowFpRate, RewardLowFnRate];
}
