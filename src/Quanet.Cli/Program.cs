using System.Runtime.InteropServices;
using Quanet.Cli.Infrastructure;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // first Ctrl+C cancels the running work cleanly; a second one kills the process
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// a service manager or `timeout` stops with SIGTERM: the first one cancels like Ctrl+C (services
// drain and stores close), a second one takes the runtime's default and ends the process
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
});

return await QuanetApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
