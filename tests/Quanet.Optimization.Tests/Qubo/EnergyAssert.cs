namespace Quanet.Optimization.Tests.Qubo;

/// <summary>
/// Energy equality for property tests: within 1e-9 of the larger magnitude (1e-9 absolute near zero). Rounding both
/// sides to 9 decimals, as <c>Assert.Equal(a, b, 9)</c> does, fails when a sample's two sums round apart
/// (…0000000005 vs …0000000004999) although they differ by 1e-15.
/// </summary>
internal static class EnergyAssert
{
    private const double Relative = 1e-9;

    /// <summary>Asserts <paramref name="actual"/> equals <paramref name="expected"/> up to floating-point summation error.</summary>
    public static void Close(double expected, double actual) =>
        Assert.Equal(expected, actual, Relative * Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual))));
}
