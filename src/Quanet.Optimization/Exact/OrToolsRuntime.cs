using System.Runtime.InteropServices;
using Google.OrTools.Sat;

namespace Quanet.Optimization.Exact;

/// <summary>
/// Whether OR-Tools' native library loads on this machine (the managed assembly calls into a per-platform native
/// library; a package restored for one platform only, or an unsupported platform, has none). Probed once, by
/// solving a one-variable CP-SAT model.
/// </summary>
public static class OrToolsRuntime
{
    private static readonly Lazy<string?> Probe = new(Load);

    /// <summary>Why OR-Tools cannot run here, or null when it can.</summary>
    public static string? Unavailable => Probe.Value;

    private static string? Load()
    {
        try
        {
            var model = new CpModel();
            model.Minimize(model.NewBoolVar("x"));
            var status = new CpSolver { StringParameters = "num_workers:1" }.Solve(model);
            return status == CpSolverStatus.Optimal ? null : $"OR-Tools answered {status} on a one-variable model";
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return $"the OR-Tools native library does not load on {RuntimeInformation.RuntimeIdentifier} ({(ex.InnerException ?? ex).GetType().Name})";
        }
    }
}
