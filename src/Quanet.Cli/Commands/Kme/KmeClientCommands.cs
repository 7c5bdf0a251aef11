using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Protocol;
using Spectre.Console;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme status|get|dec</c>: an SAE talking ETSI GS QKD 014 to a KME with its client certificate.</summary>
internal static class KmeClientCommands
{
    public static Command Status()
    {
        var connection = new ConnectionOptions();
        var slave = new Argument<string>("slave-sae-id") { Description = "The slave SAE the keys would be shared with" };
        var command = connection.AddTo(new Command("status", "Get status: GET /api/v1/keys/{slave_SAE_ID}/status"));
        command.Arguments.Add(slave);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            using var client = connection.Client(ctx);
            var status = Require(await client.GetStatusAsync(ctx.Get(slave)!, ct));
            if (ctx.Get(connection.Json))
            {
                ctx.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(status));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("field").AddColumn("value");
            table.AddRow("source_KME_ID", status.SourceKmeId).AddRow("target_KME_ID", status.TargetKmeId)
                .AddRow("master_SAE_ID", status.MasterSaeId).AddRow("slave_SAE_ID", status.SlaveSaeId)
                .AddRow("key_size", Text(status.KeySize)).AddRow("stored_key_count", Text(status.StoredKeyCount))
                .AddRow("max_key_count", Text(status.MaxKeyCount)).AddRow("max_key_per_request", Text(status.MaxKeyPerRequest))
                .AddRow("max_key_size", Text(status.MaxKeySize)).AddRow("min_key_size", Text(status.MinKeySize))
                .AddRow("max_SAE_ID_count", Text(status.MaxSaeIdCount));
            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Get()
    {
        var connection = new ConnectionOptions();
        var slave = new Argument<string>("slave-sae-id") { Description = "The slave SAE that will fetch the same keys with 'dec'" };
        var number = new Option<int?>("--number") { Description = "Number of keys (default 1)" };
        var size = new Option<int?>("--size") { Description = "Key size in bits, a multiple of 8 (default: the KME's key_size)" };
        var additional = new Option<string[]>("--additional") { Description = "Additional slave SAE ID (key multicast); repeatable" };
        var command = connection.AddTo(new Command("get", "Get key: POST /api/v1/keys/{slave_SAE_ID}/enc_keys; prints key_ID and base64 key"));
        command.Arguments.Add(slave);
        command.Options.Add(number);
        command.Options.Add(size);
        command.Options.Add(additional);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            using var client = connection.Client(ctx);
            var extra = ctx.Get(additional);
            var request = new KeyRequest { Number = ctx.Get(number), Size = ctx.Get(size), AdditionalSlaveSaeIds = extra is { Length: > 0 } ? extra : null };
            return Print(ctx, connection, Require(await client.GetKeysAsync(ctx.Get(slave)!, request, ct)));
        });
        return command;
    }

    public static Command Dec()
    {
        var connection = new ConnectionOptions();
        var master = new Argument<string>("master-sae-id") { Description = "The master SAE that obtained the keys with 'get'" };
        var ids = new Argument<string[]>("key-id") { Description = "Key IDs (UUIDs)", Arity = ArgumentArity.OneOrMore };
        var command = connection.AddTo(new Command("dec", "Get key with key IDs: POST /api/v1/keys/{master_SAE_ID}/dec_keys"));
        command.Arguments.Add(master);
        command.Arguments.Add(ids);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            using var client = connection.Client(ctx);
            return Print(ctx, connection, Require(await client.GetKeysWithIdsAsync(ctx.Get(master)!, ctx.Get(ids)!, ct)));
        });
        return command;
    }

    private static int Print(CommandContext ctx, ConnectionOptions connection, KeyContainer container)
    {
        if (ctx.Get(connection.Json))
        {
            ctx.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(container));
            return ExitCodes.Success;
        }

        foreach (var key in container.Keys)
        {
            ctx.Output.WriteLine($"{key.KeyId} {key.Key}");
        }

        return ExitCodes.Success;
    }

    private static T Require<T>(KmeResponse<T> response)
        where T : class =>
        response.Value ?? throw new QuanetException($"KME answered {response.StatusCode}: {response.Error?.Message ?? "(no Error body)"}"
            + (response.Error?.Details is { Count: > 0 } details ? " (" + string.Join("; ", details.SelectMany(d => d.Select(p => $"{p.Key}: {p.Value}"))) + ")" : ""));

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class ConnectionOptions
    {
        public Option<string> Url { get; } = new("--url") { Description = "KME base URL", DefaultValueFactory = _ => "https://127.0.0.1:8443" };

        public Option<DirectoryInfo> Certs { get; } = new("--certs") { Description = "Folder written by 'quanet kme certs' (ca.crt, SAE.crt, SAE.key)" };

        public Option<string> As { get; } = new("--as") { Description = "This SAE's ID: uses --certs/SAE.crt and SAE.key" };

        public Option<FileInfo> Ca { get; } = new("--ca") { Description = "CA certificate (PEM) trusted for the KME" };

        public Option<FileInfo> Cert { get; } = new("--cert") { Description = "This SAE's certificate (PEM)" };

        public Option<FileInfo> Key { get; } = new("--key") { Description = "This SAE's private key (PEM)" };

        public Option<bool> Json { get; } = CommonOptions.Json();

        public Command AddTo(Command command)
        {
            foreach (var option in new Option[] { Url, Certs, As, Ca, Cert, Key, Json })
            {
                command.Options.Add(option);
            }

            return command;
        }

        public KmeClient Client(CommandContext ctx)
        {
            var folder = ctx.Get(Certs)?.FullName;
            var sae = ctx.Get(As);
            var ca = ctx.Get(Ca)?.FullName ?? (folder is null ? null : Path.Combine(folder, "ca.crt"));
            var cert = ctx.Get(Cert)?.FullName ?? (folder is null || sae is null ? null : Path.Combine(folder, sae + ".crt"));
            var key = ctx.Get(Key)?.FullName ?? (folder is null || sae is null ? null : Path.Combine(folder, sae + ".key"));
            if (ca is null || cert is null || key is null)
            {
                throw new UsageException("give --certs DIR --as SAE_ID, or --ca, --cert and --key");
            }

            if (!Uri.TryCreate(ctx.Get(Url), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                throw new UsageException($"--url '{ctx.Get(Url)}' is not an https URL");
            }

            return new KmeClient(url, CertificateFiles.LoadCertificateWithKey(cert, key), CertificateFiles.LoadCertificate(ca));
        }
    }
}
