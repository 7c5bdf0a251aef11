using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Kme.Storage;
using Spectre.Console;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme audit</c>: a KME's delivery and relay audit trail, read from its SQLite store (no key material).</summary>
internal static class KmeAuditCommand
{
    public static Command Create()
    {
        var store = new Option<FileInfo>("--store") { Description = "The KME's SQLite store (e.g. certs/KME_1.db); read-only, may be in use", Required = true };
        var relays = new Option<bool>("--relays") { Description = "List the relay steps (relay ID, role, path, previous and next KME, pad block indices) instead of key releases" };
        var json = CommonOptions.Json();
        var command = new Command("audit", "Print a KME's audit trail: which SAE received which key_ID when (or, with --relays, which relays passed the KME)");
        command.Options.Add(store);
        command.Options.Add(relays);
        command.Options.Add(json);
        CommandRunner.SetBody(command, async (ctx, _) =>
        {
            var path = ctx.Get(store)!.FullName;
            if (ctx.Get(relays))
            {
                var steps = await AuditTrail.ReadRelaysAsync(path);
                if (ctx.Get(json))
                {
                    ctx.WriteJson(steps);
                    return ExitCodes.Success;
                }

                var table = new Table().AddColumns("time (UTC)", "relay_ID", "role", "path", "from", "in blocks", "to", "out blocks", "key_IDs", "master", "slaves");
                foreach (var s in steps)
                {
                    table.AddRow([Time(s.At), .. new[] { s.RelayId, s.Role, s.Path, s.From, s.InBlocks, s.To, s.OutBlocks, s.KeyIds, s.Master, s.Slaves }.Select(Markup.Escape)]);
                }

                ctx.Console.Write(table);
                return ExitCodes.Success;
            }

            var rows = await AuditTrail.ReadDeliveriesAsync(path);
            if (ctx.Get(json))
            {
                ctx.WriteJson(rows);
                return ExitCodes.Success;
            }

            var deliveries = new Table().AddColumns("time (UTC)", "SAE", "key_ID", "call");
            foreach (var row in rows)
            {
                deliveries.AddRow(Time(row.At), Markup.Escape(row.Sae), row.KeyId, row.Call == KeyDeliveryCall.DecKeys ? "dec_keys" : "enc_keys");
            }

            ctx.Console.Write(deliveries);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Time(DateTimeOffset at) => Markup.Escape(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
}
