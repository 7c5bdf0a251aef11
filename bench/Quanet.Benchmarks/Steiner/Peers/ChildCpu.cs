using System.Runtime.InteropServices;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// CPU seconds used by this process's waited-for children (<c>getrusage(RUSAGE_CHILDREN)</c>, Linux): the difference
/// around one child's run is that child's user + system time. <see cref="System.Diagnostics.Process.TotalProcessorTime"/>
/// cannot be read once the child has been reaped.
/// </summary>
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>User + system seconds of all children reaped so far, or NaN where getrusage is not available.</summary>
    public static double Seconds()
    {
        Span<long> usage = stackalloc long[18];
        try
        {
            if (GetRusage(RusageChildren, ref MemoryMarshal.GetReference(usage)) != 0)
            {
                return double.NaN;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return double.NaN;
        }
        catch (DllNotFoundException)
        {
            return double.NaN;
        }

        // struct rusage starts with two struct timeval (seconds, microseconds): ru_utime, ru_stime.
        return usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, ref long usage);
}
