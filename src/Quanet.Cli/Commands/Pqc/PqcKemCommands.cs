using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Security.Pqc;

namespace Quanet.Cli.Commands.Pqc;

/// <summary>`quanet pqc encaps` and `quanet pqc decaps`.</summary>
internal static class PqcKemCommands
{
    public static Command Encaps()
    {
        var command = new Command("encaps", "Encapsulate a fresh shared secret to an ML-KEM public key; writes the ciphertext, prints the secret (hex)");
        var publicKey = new Argument<FileInfo>("public-key") { Description = "ML-KEM public key (PEM, DER or raw)" };
        var ciphertext = new Option<FileInfo>("--ciphertext") { Description = "File to write the ciphertext to (raw bytes)", Required = true };
        var json = CommonOptions.Json();
        command.Arguments.Add(publicKey);
        command.Options.Add(ciphertext);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var key = KeyFiles.Read(ctx.Get(publicKey)!, PqcKeyKind.MlKemPublic);
            var result = MlKem.Encapsulate(key.KemSet, key.Raw);
            var file = ctx.Get(ciphertext)!;
            File.WriteAllBytes(file.FullName, result.Ciphertext);
            var secret = Convert.ToHexStringLower(result.SharedSecret);
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { key.ParameterSet, Ciphertext = file.FullName, CiphertextBytes = result.Ciphertext.Length, SharedSecret = secret });
            }
            else
            {
                ctx.Output.WriteLine(secret);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Decaps()
    {
        var command = new Command("decaps", "Recover the shared secret (hex) from a ciphertext with an ML-KEM private key");
        var privateKey = new Argument<FileInfo>("private-key") { Description = "ML-KEM private key (PEM, DER or raw)" };
        var ciphertext = new Argument<FileInfo>("ciphertext") { Description = "Ciphertext file (raw bytes)" };
        var json = CommonOptions.Json();
        command.Arguments.Add(privateKey);
        command.Arguments.Add(ciphertext);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var key = KeyFiles.Read(ctx.Get(privateKey)!, PqcKeyKind.MlKemPrivate);
            var secret = Convert.ToHexStringLower(MlKem.Decapsulate(key.KemSet, key.Raw, File.ReadAllBytes(ctx.Get(ciphertext)!.FullName)));
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { key.ParameterSet, SharedSecret = secret });
            }
            else
            {
                ctx.Output.WriteLine(secret);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
