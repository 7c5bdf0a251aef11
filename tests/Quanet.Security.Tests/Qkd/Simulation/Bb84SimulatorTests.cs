using Quanet.Core.Units;
using Quanet.Security.Qkd;
using Quanet.Security.Qkd.Simulation;
using Xunit.Abstractions;

namespace Quanet.Security.Tests.Qkd.Simulation;

public sealed class Bb84SimulatorTests(ITestOutputHelper output)
{
    [Fact]
    public void An_honest_round_produces_identical_secret_keys()
    {
        var parameters = new SimulationParameters { Distance = new Kilometres(10), Pulses = 3_000_000, Seed = 11 };

        var result = Bb84Simulator.Run(parameters);

        output.WriteLine($"raw {result.RawKeyBits}, qber {result.RawKeyQber:P2}, f {result.ReconciliationEfficiency:F3}, secret {result.SecretKeyBits}");
        Assert.Null(result.AbortReason);
        Assert.True(result.Verified);
        Assert.True(result.SecretKeyBits > 1000);
        Assert.Equal(result.AliceKey, result.BobKey);
        Assert.InRange(result.RawKeyQber, 0.025, 0.045);
        Assert.InRange(result.ReconciliationEfficiency, 1.0, 1.3);
    }

    [Fact]
    public void An_intercept_resend_eavesdropper_pushes_the_QBER_over_threshold_and_the_round_aborts()
    {
        var parameters = new SimulationParameters { Distance = new Kilometres(10), Pulses = 1_000_000, InterceptFraction = 1, Seed = 5 };

        var result = Bb84Simulator.Run(parameters);

        Assert.InRange(result.SampledQber, 0.2, 0.3);
        Assert.NotNull(result.AbortReason);
        Assert.StartsWith("sampled QBER", result.AbortReason, StringComparison.Ordinal);
        Assert.Empty(result.AliceKey);
    }

    [Fact]
    public void The_same_seed_gives_the_same_round()
    {
        var parameters = new SimulationParameters { Distance = new Kilometres(20), Pulses = 500_000, Seed = 3 };

        var first = Bb84Simulator.Run(parameters);
        var second = Bb84Simulator.Run(parameters);

        Assert.Equal(first.Detections, second.Detections);
        Assert.Equal(first.SecretKeyBits, second.SecretKeyBits);
        Assert.Equal(first.AliceKey, second.AliceKey);
    }

    [Theory]
    [InlineData(5, 3_000_000)]
    [InlineData(25, 10_000_000)]
    public void Estimated_rate_agrees_with_the_analytic_model_within_statistical_error(double km, long pulses)
    {
        // eight independent rounds; the analytic vacuum+weak rate at the same mu must lie within
        // three standard errors of their mean
        var link = QkdLinkParameters.Gys with { DecoyIntensity = 0.1 };
        var distance = new Kilometres(km);
        var mu = DecoyBb84Model.OptimalRate(link, QkdProtocol.VacuumWeak, distance).Mu;
        var analytic = DecoyBb84Model.RateAt(link, QkdProtocol.VacuumWeak, distance, mu).RatePerPulse;
        var rates = Enumerable.Range(1, 8)
            .Select(seed => Bb84Simulator.Run(new SimulationParameters
            {
                Link = link,
                Distance = distance,
                Pulses = pulses,
                SignalIntensity = mu,
                DecoyProbability = 0.3,
                VacuumProbability = 0.2,
                Seed = (ulong)seed,
            }).EstimatedRatePerPulse)
            .ToArray();
        var mean = rates.Average();
        var standardError = Math.Sqrt(rates.Sum(r => (r - mean) * (r - mean)) / (rates.Length - 1) / rates.Length);

        output.WriteLine($"{km} km: analytic {analytic:E4}, simulated {mean:E4} +- {standardError:E2}");
        Assert.InRange(analytic, mean - (3 * standardError), mean + (3 * standardError));
        Assert.True(standardError < 0.1 * analytic, $"standard error {standardError} too large to be a meaningful check");
    }

    [Fact]
    public void Rejects_bad_parameters_in_one_message()
    {
        var parameters = new SimulationParameters { Pulses = 10, SampleFraction = 2 };

        var ex = Assert.Throws<ArgumentException>(() => Bb84Simulator.Run(parameters));

        Assert.Contains("pulses must be", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sample fraction", ex.Message, StringComparison.Ordinal);
    }
}
