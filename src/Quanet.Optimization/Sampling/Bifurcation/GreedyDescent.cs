namespace Quanet.Optimization.Sampling.Bifurcation;

/// <summary>
/// One-flip descent: sweeps the variables in index order, flipping every spin whose flip lowers the
/// energy, until a whole sweep finds none. Deterministic; O(degree) per flip through <see cref="SpinSystem"/>.
/// </summary>
internal static class GreedyDescent
{
    /// <summary>Descends from the state loaded in <paramref name="system"/>; returns the moves evaluated.</summary>
    public static long Run(SpinSystem system)
    {
        long attempts = 0;
        bool improved;
        do
        {
            improved = false;
            for (var i = 0; i < system.Count; i++)
            {
                // a tolerance keeps rounding noise from flipping a spin back and forth on plateaus
                if (system.Delta(i) < -1e-9)
                {
                    system.Flip(i);
                    improved = true;
                }
            }

            attempts += system.Count;
        }
        while (improved);

        system.Recompute();
        return attempts;
    }
}
