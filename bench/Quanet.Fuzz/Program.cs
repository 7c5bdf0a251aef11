using Quanet.Fuzz;

// The AFL++ target for bench/fuzz/run.sh (docs/trust.md):
//   Quanet.Fuzz list                      the targets
//   Quanet.Fuzz seeds TARGET DIR GEN      writes the target's seed inputs into DIR (run from the repository root;
//                                         GEN holds the files run.sh makes with the CLI)
//   Quanet.Fuzz run TARGET                the afl-fuzz target: reads inputs from AFL's shared memory loop
//   Quanet.Fuzz replay TARGET FILE...     runs inputs once each and says accepted / refused / FINDING
return args switch
{
    ["list"] => FuzzCommands.List(),
    ["seeds", var name, var dir, var generated] => FuzzCommands.Seeds(name, dir, generated),
    ["run", var name] => FuzzCommands.Run(name),
    ["replay", var name, .. var files] => FuzzCommands.Replay(name, files),
    _ => FuzzCommands.Usage(),
};
