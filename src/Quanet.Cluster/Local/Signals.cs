using System.Diagnostics;
using System.Globalization;

namespace Quanet.Cluster.Local;

/// <summary>POSIX signals to processes of a local cluster by ID (through <c>kill</c>, as .NET sends only SIGKILL itself).</summary>
internal static class Signals
{
    /// <summary>Sends SIGTERM to <paramref name="processId"/>; a process already gone is no error.</summary>
    public static void Terminate(int processId)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", processId.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        });
        kill?.WaitForExit();
    }

    /// <summary>Whether <paramref name="processId"/> runs and its command line contains <paramref name="expected"/> (guards against a reused ID).</summary>
    public static bool IsAlive(int processId, string expected)
    {
        try
        {
            var cmdline = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/cmdline"));
            var stat = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/stat"));
            // a zombie (state Z) has exited and waits for its parent
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state != 'Z' && cmdline.Contains(expected, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
