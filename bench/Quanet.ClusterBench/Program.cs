// `dotnet run -c Release --project bench/Quanet.ClusterBench -- [--sites N] [--hours H] [--batch B] [--rounds R]`:
// events/s of the region grains against the embedded engine, and silo failover times (bench/README.md).
return Quanet.ClusterBench.ClusterProcessingSuite.Run(args);
