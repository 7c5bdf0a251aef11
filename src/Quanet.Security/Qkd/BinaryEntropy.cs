namespace Quanet.Security.Qkd;

/// <summary>The binary Shannon entropy h(x) = -x log2 x - (1-x) log2 (1-x).</summary>
public static class BinaryEntropy
{
    /// <summary>h(x) for x in [0, 1]; 0 at both ends, 1 at x = 1/2. Values above 1/2 are not folded.</summary>
    public static double Of(double x)
    {
        if (x <= 0 || x >= 1)
        {
            return 0;
        }

        return (-x * Math.Log2(x)) - ((1 - x) * Math.Log2(1 - x));
    }
}
