using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Core.Text;
using Quanet.Security.Pqc;

namespace Quanet.Cli.Commands.Pqc;

/// <summary>`quanet pqc keygen ALG --out PREFIX`: writes PREFIX.pub and PREFIX.key.</summary>
internal static class PqcKeygenCommand
{
    public static Command Create()
    {
        var command = new Command("keygen", "Generate an ML-KEM or ML-DSA key pair: PREFIX.pub and PREFIX.key");
        var algorithm = new Argument<string>("algorithm") { Description = string.Join(", ", PqcKeyPair.ParameterSets) }
            .Check(r => r.GetValueOrDefault<string>() is { } v && !PqcKeyPair.IsParameterSet(v)
                ? $"unknown parameter set '{Printable.Escape(v)}' (expected {string.Join(", ", PqcKeyPair.ParameterSets)})" : null);
        var output = new Option<string>("--out") { Description = "File prefix (default: the algorithm name in lower case)" }.MustBeWritable();
        var format = new Option<string>("--format") { Description = "pem (SPKI/PKCS#8, default), der, or raw FIPS 203/204 bytes", DefaultValueFactory = _ => "pem" }
            .MustBeOneOf("pem", "der", "raw");
        var json = CommonOptions.Json();
        command.Arguments.Add(algorithm);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var name = ctx.Get(algorithm) ?? string.Empty;
            var keyFormat = KeyFiles.Format(ctx.Get(format));
            var pair = PqcKeyPair.Generate(name);
            var (publicKey, privateKey) = (pair.Public, pair.Private);
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
