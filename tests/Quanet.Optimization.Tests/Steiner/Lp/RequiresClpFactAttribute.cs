using Quanet.Optimization.Steiner.Lp;

namespace Quanet.Optimization.Tests.Steiner.Lp;

/// <summary>A fact that needs COIN-OR CLP (Debian coinor-libclp1, installed by .ci/clp.sh); skipped with the reason without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresClpFactAttribute : FactAttribute
{
    public RequiresClpFactAttribute()
    {
        if (!ClpLibrary.Available)
        {
            Skip = ClpLibrary.Reason + " (run .ci/clp.sh as root)";
        }
    }
}
