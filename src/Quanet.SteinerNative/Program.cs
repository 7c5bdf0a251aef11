using System.Runtime.InteropServices;
using System.Text;
using Quanet.SteinerNative;

using var cancellation = new CancellationTokenSource();

// PACE 2018: a solver stopped with SIGTERM writes the best tree it has and exits; Ctrl+C does the same.
// A second signal takes the runtime's default and ends the process.
void Stop(PosixSignalContext signal)
{
    signal.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
}

using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

// one buffered writer: a tree of thousands of edges is thousands of lines
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
using var input = Console.OpenStandardInput();
var code = SteinerTool.Run(args, input, output, Console.Error, cancellation.Token);
output.Flush();
return code;
