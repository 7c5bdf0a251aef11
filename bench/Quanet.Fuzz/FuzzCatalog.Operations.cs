using System.Text;
using Quanet.Operations.Action;
using Quanet.Operations.Anomaly;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Kpi;

namespace Quanet.Fuzz;

internal static partial class FuzzCatalog
{
    private static IEnumerable<FuzzTarget> Operations()
    {
        yield return new("ves", "VES events NDJSON, one body per line (NdjsonEvents / VesParser)", ReadVes,
            ["generated/storm.ndjson"], ".ndjson", () => []);
        yield return new("inventory", "operations inventory JSON (InventoryJson)", b => InventoryJson.Parse(Text(b), "in.json"),
            ["generated/inventory.json"], ".json", () => []);
        yield return new("nab-csv", "NAB series CSV (NabCsvReader)", b => NabCsvReader.Read(new StringReader(Text(b)), "in.csv"),
            [], ".csv", () => ["timestamp,value\n2014-04-01 00:00:00,20.0\n2014-04-01 00:05:00,21.5\n2014-04-01 00:10:00,19\n"]);
        yield return new("kpi-csv", "KPI CSV of quanet ops detect (KpiCsvReader through KpiDetection)",
            b => KpiDetection.Run(new MemoryStream(b), "in.csv", new KpiDetectionRequest(), TextWriter.Null),
            [], ".csv", () => ["time,series,value\n2024-01-01T00:00:00Z,\"cell,1\",1.5\n1704067200,b,-2e3\n2024-01-01 00:15:00+01:00,b,\n"]);
        yield return new("nab-labels", "NAB label windows JSON (NabLabelReader)", b => NabLabelReader.Parse(Text(b), "in.json"),
            ["examples/nab-mini/labels"], ".json", () => []);
        yield return new("nab-profiles", "NAB scoring profiles JSON (NabProfileReader)", b => NabProfileReader.Parse(Text(b), "in.json"),
            ["examples/nab-mini/config"], ".json", () => []);
        yield return new("runbook", "runbook YAML or JSON (RunbookCatalog.Parse)", b => RunbookCatalog.Parse(Text(b), "in.yaml"),
            ["src/Quanet.Operations/Action/Runbooks"], ".yaml", () => []);
    }

    private static void ReadVes(byte[] input)
    {
        var number = 0;
        foreach (var line in Text(input).Split('\n'))
        {
            NdjsonEvents.ParseLine(++number, line);
        }
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
