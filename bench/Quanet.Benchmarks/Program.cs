using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Quanet.Benchmarks -- --filter '*'` runs the micro-benchmarks;
// suite runners (Gset, PACE, OR-Library, NAB) are chosen by their first argument, see bench/README.md.
if (args.Length > 0 && Quanet.Benchmarks.Suites.SuiteCatalog.TryRun(args, out var exitCode))
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Quanet.Benchmarks.Suites.SuiteCatalog).Assembly).Run(args);
return 0;
