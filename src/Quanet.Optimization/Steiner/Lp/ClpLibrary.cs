using System.Reflection;
using System.Runtime.InteropServices;

namespace Quanet.Optimization.Steiner.Lp;

/// <summary>
/// Finds COIN-OR CLP at run time: Debian's runtime package ships only libClp.so.1 (the unversioned name
/// comes with the -dev package), so the resolver tries the versioned name first. When neither loads,
/// <see cref="Available"/> is false and the exact solver keeps to GLOP.
/// </summary>
internal static class ClpLibrary
{
    private static readonly string[] Names = ["libClp.so.1", "libClp.so", "libClp.dylib", "Clp.dll"];
    private static readonly Lazy<(bool Ok, string Reason)> Probe = new(Load);

    /// <summary>Whether CLP's C interface can be called in this process.</summary>
    public static bool Available => Probe.Value.Ok;

    /// <summary>Why CLP is not available (empty when it is).</summary>
    public static string Reason => Probe.Value.Reason;

    private static (bool, string) Load()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(ClpLibrary).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // A resolver is already set for this assembly; the default probing still finds "libClp.so".
        }

        try
        {
            return ClpNative.Clp_VersionMajor() >= 1 ? (true, "") : (false, "CLP reports version 0");
        }
        catch (DllNotFoundException)
        {
            return (false, "COIN-OR CLP (libClp.so.1, Debian coinor-libclp1) is not installed");
        }
        catch (EntryPointNotFoundException e)
        {
            return (false, "the CLP library lacks its C interface: " + e.Message);
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != ClpNative.Library)
        {
            return 0;
        }

        foreach (var candidate in Names)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        return 0;
    }
}
