using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Kme.Certificates;
using Quanet.Kme.Supply;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme certs</c>: a development CA with KME and SAE certificates (PEM).</summary>
internal static class KmeCertsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for ca.crt, NAME.crt and NAME.key", Required = true };
        var kmes = new Option<string[]>("--kme") { Description = "KME ID (server certificate, SAN 127.0.0.1/::1/localhost; also an ML-DSA-65 identity key); repeatable", AllowMultipleArgumentsPerToken = false };
        var saes = new Option<string[]>("--sae") { Description = "SAE ID (client certificate with the clientAuth EKU); repeatable" };
        var days = new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => 825 };
        var json = CommonOptions.Json();
        var command = new Command("certs", "Write a development CA and certificates for KMEs and SAEs (the subject CN is the ID)");
        command.Options.Add(output);
        command.Options.Add(kmes);
        command.Options.Add(saes);
        command.Options.Add(days);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var kmeIds = ctx.Get(kmes) ?? [];
            var saeIds = ctx.Get(saes) ?? [];
            if (kmeIds.Length == 0 && saeIds.Length == 0)
            {
                throw new UsageException("give at least one --kme or --sae");
            }

            var folder = ctx.Get(output)!.FullName;
            var files = new List<string>(DevCertificateAuthority.Write(folder, kmeIds, saeIds, DateTimeOffset.UtcNow, ctx.Get(days)));
            foreach (var kme in kmeIds)
            {
                files.AddRange(PqcIdentity.Write(folder, kme));
            }

            if (ctx.Get(json))
            {
                ctx.WriteJson(new { folder, files });
            }
            else
            {
                foreach (var file in files)
                {
                    ctx.Output.WriteLine(file);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
