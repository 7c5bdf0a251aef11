using System.CommandLine;
using System.Text;
using Quanet.Cli.Infrastructure;
using Quanet.Security.Pqc;

namespace Quanet.Cli.Commands.Pqc;

/// <summary>`quanet pqc sign` and `quanet pqc verify`.</summary>
internal static class PqcSignatureCommands
{
    public static Command Sign()
    {
        var command = new Command("sign", "Sign a file with an ML-DSA private key (hedged ML-DSA.Sign)");
        var privateKey = new Argument<FileInfo>("private-key") { Description = "ML-DSA private key (PEM, DER or raw)" };
        var message = new Argument<FileInfo>("message") { Description = "File to sign" };
        var signature = new Option<FileInfo>("--signature") { Description = "File to write the signature to (raw bytes)", Required = true };
        var context = ContextOption();
        command.Arguments.Add(privateKey);
        command.Arguments.Add(message);
        command.Options.Add(signature);
        command.Options.Add(context);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var key = KeyFiles.Read(ctx.Get(privateKey)!, PqcKeyKind.MlDsaPrivate);
            var bytes = MlDsa.Sign(key.DsaSet, key.Raw, File.ReadAllBytes(ctx.Get(message)!.FullName), Context(ctx.Get(context)));
            var file = ctx.Get(signature)!;
            File.WriteAllBytes(file.FullName, bytes);
            ctx.Output.WriteLine($"{key.ParameterSet} signature ({bytes.Length} bytes) written to {file.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Verify()
    {
        var command = new Command("verify", "Verify an ML-DSA signature on a file; exit 0 when valid, 1 when not");
        var publicKey = new Argument<FileInfo>("public-key") { Description = "ML-DSA public key (PEM, DER or raw)" };
        var message = new Argument<FileInfo>("message") { Description = "Signed file" };
        var signature = new Argument<FileInfo>("signature") { Description = "Signature file (raw bytes)" };
        var context = ContextOption();
        var json = CommonOptions.Json();
        command.Arguments.Add(publicKey);
        command.Arguments.Add(message);
        command.Arguments.Add(signature);
        command.Options.Add(context);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var key = KeyFiles.Read(ctx.Get(publicKey)!, PqcKeyKind.MlDsaPublic);
            var valid = MlDsa.Verify(key.DsaSet, key.Raw, File.ReadAllBytes(ctx.Get(message)!.FullName), File.ReadAllBytes(ctx.Get(signature)!.FullName), Context(ctx.Get(context)));
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { key.ParameterSet, Valid = valid });
            }
            else if (valid)
            {
                ctx.Output.WriteLine($"valid {key.ParameterSet} signature");
            }
            else
            {
                ctx.Error.WriteLine($"error: signature is not a valid {key.ParameterSet} signature on {ctx.Get(message)!.Name}");
            }

            return valid ? ExitCodes.Success : ExitCodes.DomainFailure;
        });
        return command;
    }

    private static Option<string?> ContextOption() => new("--context") { Description = "FIPS 204 context string (UTF-8, at most 255 bytes; default empty)" };

    private static byte[] Context(string? text) => text is null ? [] : Encoding.UTF8.GetBytes(text);
}
