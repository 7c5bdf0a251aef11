using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Kme.Consumers;
using Quanet.Kme.Protocol;
using Quanet.Security.Keys;

namespace Quanet.Cli.Commands.Kme;

/// <summary>
/// <c>quanet kme psk PEER</c>: one new key per call as a consumer's pre-shared key (TLS 1.3 external PSK,
/// WireGuard, IKEv2). Without <c>--key-id</c> this SAE is the master (enc_keys); with it, the slave (dec_keys).
/// </summary>
internal static class KmePskCommand
{
    public static Command Create()
    {
        var connection = new KmeConnectionOptions();
        var peer = new Argument<string>("peer-sae-id") { Description = "The other SAE: the slave when making a key, the master when fetching one by --key-id" };
        var keyId = new Option<string>("--key-id") { Description = "Fetch this key (dec_keys) instead of making a new one (enc_keys)" }
            .Check(r => r.GetValueOrDefault<string>() is { } v && !Guid.TryParseExact(v, "D", out _) ? $"--key-id '{Core.Text.Printable.Escape(v)}' is not a UUID" : null);
        var size = new Option<int>("--size") { Description = "Key size in bits when making a key (multiple of 8)", DefaultValueFactory = _ => 256 }
            .Must(v => v >= 64 && v % 8 == 0, "a multiple of 8, at least 64");
        var format = new Option<string>("--format") { Description = "openssl (-psk HEX -psk_identity ID), hex (ID HEX) or wireguard (ID BASE64)", DefaultValueFactory = _ => "openssl" }
            .MustBeOneOf("openssl", "hex", "wireguard");
        var output = new Option<FileInfo?>("--out") { Description = "Write the key to this file (mode 0600: hex, base64 for wireguard) and print only the key_ID and parts" }.MustBeWritable();
        var kemPublic = new Option<FileInfo?>("--kem-public") { Description = "Hybrid, making a key: the peer SAE's ML-KEM-768 public key" }.MustExist();
        var kemPrivate = new Option<FileInfo?>("--kem-private") { Description = "Hybrid, fetching a key: this SAE's ML-KEM-768 private key" }.MustExist();
        var ciphertext = new Option<FileInfo?>("--kem-ciphertext") { Description = "Hybrid: the ML-KEM-768 ciphertext file, written when making a key, read when fetching it" };
        var command = connection.AddTo(new Command("psk", "A QKD key (optionally hybrid with ML-KEM-768) as a pre-shared key for OpenSSL, WireGuard or strongSwan; one new key per call"));
        command.Arguments.Add(peer);
        foreach (var option in new Option[] { keyId, size, format, output, kemPublic, kemPrivate, ciphertext })
        {
            command.Options.Add(option);
        }

        // Each rule sits on an option that is present when it is broken: the parser runs only given options' checks.
        kemPublic.Check(r => r.GetValue(keyId) is not null ? "--kem-public is for making a key; with --key-id give --kem-private"
            : r.GetValue(ciphertext) is null ? "a hybrid key needs --kem-ciphertext FILE" : null);
        kemPrivate.Check(r => r.GetValue(keyId) is null ? "--kem-private needs --key-id (the slave side fetches a key)"
            : r.GetValue(ciphertext) is null ? "a hybrid key needs --kem-ciphertext FILE" : null);
        format.Check(r => r.GetValue(format) == "wireguard" && r.GetValue(size) != 256 ? "--format wireguard needs --size 256" : null);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var other = ctx.Get(peer)!;
            var self = connection.SaeId(ctx);
            var id = ctx.Get(keyId);
            PreSharedKey psk;
            if (id is null)
            {
                var publicKey = ctx.Get(kemPublic) is { } file ? HybridKeyFiles.ReadKemKey(file.FullName, privateKey: false) : null;
                var container = await connection.CallAsync(ctx, client => client.GetKeysAsync(other, new KeyRequest { Number = 1, Size = ctx.Get(size) }, ct));
                psk = PreSharedKeys.FromEncKey(Single(container), self, other, publicKey);
                if (psk.KemCiphertext is { } written)
                {
                    HybridKeyFiles.WriteCiphertext(ctx.Get(ciphertext)!.FullName, written);
                }
            }
            else
            {
                var privateKey = ctx.Get(kemPrivate) is { } file ? HybridKeyFiles.ReadKemKey(file.FullName, privateKey: true) : null;
                var sent = privateKey is null ? null : HybridKeyFiles.ReadCiphertext(ctx.Get(ciphertext)!.FullName);
                var container = await connection.CallAsync(ctx, client => client.GetKeyWithIdAsync(other, id, ct));
                psk = PreSharedKeys.FromDecKey(Single(container), other, self, privateKey, sent);
            }

            return Render(ctx, psk, Format(ctx.Get(format)), ctx.Get(output), ctx.Get(connection.Json));
        });
        return command;
    }

    private static int Render(CommandContext ctx, PreSharedKey psk, PskFormat format, FileInfo? output, bool json)
    {
        var record = psk.Record();
        string? line = null;
        if (output is not null)
        {
            SecretFile.WriteText(output.FullName, PskWriter.KeyFile(psk, format));
        }
        else
        {
            line = PskWriter.Line(psk, format);
        }

        if (json)
        {
            ctx.WriteJson(new { record.KeyId, Identity = record.KeyId, record.Parts, record.Combiner, record.SizeBits, Psk = output is null ? Convert.ToHexStringLower(psk.Key) : null, KeyFile = output?.FullName });
        }
        else
        {
            ctx.Output.WriteLine(line ?? $"{record.KeyId} {record.Parts}");
        }

        return ExitCodes.Success;
    }

    private static KeyEntry Single(KeyContainer container) =>
        container.Keys.Count == 1 ? container.Keys[0] : throw new QuanetException($"KME answered {container.Keys.Count} keys, expected 1");

    private static PskFormat Format(string? name) => name switch
    {
        "hex" => PskFormat.Hex,
        "wireguard" => PskFormat.WireGuard,
        _ => PskFormat.OpenSsl,
    };
}
