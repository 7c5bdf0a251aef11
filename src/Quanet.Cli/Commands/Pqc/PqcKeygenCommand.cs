using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Security.Pqc;

namespace Quanet.Cli.Commands.Pqc;

/// <summary>`quanet pqc keygen ALG --out PREFIX`: writes PREFIX.pub and PREFIX.key.</summary>
internal static class PqcKeygenCommand
{
    public static Command Create()
    {
        var command = new Command("keygen", "Generate an ML-KEM or ML-DSA key pair: PREFIX.pub and PREFIX.key");
        var algorithm = new Argument<string>("algorithm") { Description = "ML-KEM-512, ML-KEM-768, ML-KEM-1024, ML-DSA-44, ML-DSA-65 or ML-DSA-87" };
        var output = new Option<string>("--out") { Description = "File prefix (default: the algorithm name in lower case)" }.MustBeWritable();
        var format = new Option<string>("--format") { Description = "pem (SPKI/PKCS#8, default), der, or raw FIPS 203/204 bytes", DefaultValueFactory = _ => "pem" };
        var json = CommonOptions.Json();
        command.Arguments.Add(algorithm);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var name = ctx.Get(algorithm) ?? string.Empty;
            var keyFormat = KeyFiles.Format(ctx.Get(format));
            PqcKey publicKey, privateKey;
            if (name.StartsWith("ML-KEM", StringComparison.OrdinalIgnoreCase) || name.StartsWith("MLKEM", StringComparison.OrdinalIgnoreCase))
            {
                var set = MlKem.Parse(name);
                var pair = MlKem.GenerateKeyPair(set);
                publicKey = new PqcKey(PqcKeyKind.MlKemPublic, MlKem.Name(set), pair.EncapsulationKey);
                privateKey = new PqcKey(PqcKeyKind.MlKemPrivate, MlKem.Name(set), pair.DecapsulationKey);
            }
            else if (name.StartsWith("ML-DSA", StringComparison.OrdinalIgnoreCase) || name.StartsWith("MLDSA", StringComparison.OrdinalIgnoreCase))
            {
                var set = MlDsa.Parse(name);
                var pair = MlDsa.GenerateKeyPair(set);
                publicKey = new PqcKey(PqcKeyKind.MlDsaPublic, MlDsa.Name(set), pair.PublicKey);
                privateKey = new PqcKey(PqcKeyKind.MlDsaPrivate, MlDsa.Name(set), pair.SecretKey);
            }
            else
            {
                throw new UsageException($"unknown parameter set '{name}' (expected ML-KEM-512/768/1024 or ML-DSA-44/65/87)");
            }

            var prefix = ctx.Get(output) ?? publicKey.ParameterSet.ToLowerInvariant();
            var publicFile = prefix + ".pub";
            var privateFile = prefix + ".key";
            PqcKeyFile.Write(publicFile, publicKey, keyFormat);
            PqcKeyFile.Write(privateFile, privateKey, keyFormat);
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { ParameterSet = publicKey.ParameterSet, Format = keyFormat, PublicKey = publicFile, PrivateKey = privateFile, PublicKeyBytes = publicKey.Raw.Length, PrivateKeyBytes = privateKey.Raw.Length });
            }
            else
            {
                ctx.Output.WriteLine($"{publicKey.ParameterSet}: public key {publicFile} ({publicKey.Raw.Length} bytes raw), private key {privateFile} ({privateKey.Raw.Length} bytes raw), {keyFormat.ToString().ToLowerInvariant()}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
