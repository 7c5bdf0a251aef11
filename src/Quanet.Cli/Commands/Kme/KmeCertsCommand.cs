using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Kme.Certificates;
using Quanet.Kme.Supply;

namespace Quanet.Cli.Commands.Kme;

/// <summary>
/// <c>quanet kme certs</c>: a development CA with KME and SAE certificates (PEM); the CA key is kept in the folder
/// so that <c>certs add-sae</c> and <c>certs add-kme</c> can issue more certificates later.
/// </summary>
internal static class KmeCertsCommand
{
    public static Command Create()
    {
        // Not Required in the parser: the add-sae and add-kme subcommands do not take --out.
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for ca.crt, ca.key (the CA's private key, mode 600), NAME.crt and NAME.key" };
        var kmes = new Option<string[]>("--kme") { Description = "KME ID (server certificate, SAN 127.0.0.1/::1/localhost; also an ML-DSA-65 identity key); repeatable", AllowMultipleArgumentsPerToken = false };
        var saes = new Option<string[]>("--sae") { Description = "SAE ID (client certificate with the clientAuth EKU); repeatable" };
        var days = Days();
        var json = CommonOptions.Json();
        var command = new Command("certs", "Write a development CA and certificates for KMEs and SAEs (the subject CN is the ID)");
        command.Options.Add(output);
        command.Options.Add(kmes);
        command.Options.Add(saes);
        command.Options.Add(days);
        command.Options.Add(json);
        command.Subcommands.Add(Add("add-sae", "--sae", "SAE ID to issue a client certificate for; repeatable", server: false));
        command.Subcommands.Add(Add("add-kme", "--kme", "KME ID to issue a server certificate (and ML-DSA-65 identity key) for; repeatable", server: true));
        command.Require(r => r.GetValue(output) is null ? "give --out DIR"
            : (r.GetValue(kmes)?.Length ?? 0) == 0 && (r.GetValue(saes)?.Length ?? 0) == 0 ? "give at least one --kme or --sae" : null);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            const int MaxPathLength = 500;
            var kmeIds = ctx.Get(kmes) ?? [];
            var saeIds = ctx.Get(saes) ?? [];
            var folder = ctx.Get(output)!.FullName;

            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // .NET reports a folder it cannot create under /proc as a missing file: say what could not be done
                throw new QuanetException($"--out {Printable.Escape(folder, MaxPathLength)}: cannot create the folder");
            }

            var files = new List<string>(DevCertificateAuthority.Write(folder, kmeIds, saeIds, DateTimeOffset.UtcNow, ctx.Get(days)));
            foreach (var kme in kmeIds)
            {
                files.AddRange(PqcIdentity.Write(folder, kme));
            }

            return Print(ctx, json, folder, files);
        });
        return command;
    }

    /// <summary><c>certs add-sae --certs DIR --sae ID</c> or <c>certs add-kme --certs DIR --kme ID</c>.</summary>
    private static Command Add(string name, string idOption, string idDescription, bool server)
    {
        var certs = new Option<DirectoryInfo>("--certs") { Description = "Folder written by 'quanet kme certs' (holds ca.crt and ca.key)", Required = true };
        var ids = new Option<string[]>(idOption) { Description = idDescription, Required = true };
        var days = Days();
        var json = CommonOptions.Json();
        var command = new Command(name, $"Issue a certificate for a new {(server ? "KME" : "SAE")} from the CA kept in the folder; the others stay valid");
        command.Options.Add(certs);
        command.Options.Add(ids);
        command.Options.Add(days);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var folder = ctx.Get(certs)!.FullName;
            var validity = TimeSpan.FromDays(ctx.Get(days));
            var files = new List<string>();
            foreach (var id in ctx.Get(ids) ?? [])
            {
                files.AddRange(server
                    ? DevCertificateAuthority.AddKme(folder, id, DateTimeOffset.UtcNow, validity)
                    : DevCertificateAuthority.AddSae(folder, id, DateTimeOffset.UtcNow, validity));
                if (server)
                {
                    files.AddRange(PqcIdentity.Write(folder, id));
                }
            }

            return Print(ctx, json, folder, files);
        });
        return command;
    }

    private static Option<int> Days() => new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => 825 }.MustBeAtLeast(1);

    private static int Print(CommandContext ctx, Option<bool> json, string folder, List<string> files)
    {
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
    }
}
