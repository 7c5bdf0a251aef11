using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Kme.Protocol;
using Spectre.Console;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme status|get|dec</c>: an SAE talking ETSI GS QKD 014 to a KME with its client certificate.</summary>
internal static class KmeClientCommands
{
    public static Command Status()
    {
        var connection = new KmeConnectionOptions();
        var slave = new Argument<string>("slave-sae-id") { Description = "The slave SAE the keys would be shared with" };
        var command = connection.AddTo(new Command("status", "Get status: GET /api/v1/keys/{slave_SAE_ID}/status"));
        command.Arguments.Add(slave);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var status = await connection.CallAsync(ctx, client => client.GetStatusAsync(ctx.Get(slave)!, ct));
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
        var connection = new KmeConnectionOptions();
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
            var extra = ctx.Get(additional);
            var request = new KeyRequest { Number = ctx.Get(number), Size = ctx.Get(size), AdditionalSlaveSaeIds = extra is { Length: > 0 } ? extra : null };
            return Print(ctx, connection, await connection.CallAsync(ctx, client => client.GetKeysAsync(ctx.Get(slave)!, request, ct)));
        });
        return command;
    }

    public static Command Dec()
    {
        var connection = new KmeConnectionOptions();
        var master = new Argument<string>("master-sae-id") { Description = "The master SAE that obtained the keys with 'get'" };
        var ids = new Argument<string[]>("key-id") { Description = "Key IDs (UUIDs)", Arity = ArgumentArity.OneOrMore };
        var command = connection.AddTo(new Command("dec", "Get key with key IDs: POST /api/v1/keys/{master_SAE_ID}/dec_keys"));
        command.Arguments.Add(master);
        command.Arguments.Add(ids);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            return Print(ctx, connection, await connection.CallAsync(ctx, client => client.GetKeysWithIdsAsync(ctx.Get(master)!, ctx.Get(ids)!, ct)));
        });
        return command;
    }

    private static int Print(CommandContext ctx, KmeConnectionOptions connection, KeyContainer container)
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

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
