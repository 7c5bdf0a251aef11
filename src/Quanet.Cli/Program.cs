using Quanet.Cli.Infrastructure;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // first Ctrl+C cancels the running work cleanly; a second one kills the process
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await QuanetApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
