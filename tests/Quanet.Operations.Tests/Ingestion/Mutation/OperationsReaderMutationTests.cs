using System.Text;
using CsCheck;
using Quanet.Core;
using Quanet.Operations.Anomaly;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Kpi;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Operations.Tests.Ingestion.Mutation;

/// <summary>
/// Hostile mutants of valid inputs through the VES parser, the NAB readers and the KPI CSV reader: each either reads or
/// refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class OperationsReaderMutationTests
{
    private const int Iterations = 200;

    [Fact]
    public void Ves_parser_survives_mutants() =>
        InputMutations.Of(TestEvents.ValidFault, "{\"eventList\":[" + TestEvents.ValidFault.Trim()[9..^1] + "]}")
            .Sample(input => HostileInput.Check(input, bytes => VesParser.ParseBody(bytes)), iter: Iterations, threads: 1);

    [Fact]
    public void Nab_data_reader_survives_mutants() =>
        Run(
            t => NabCsvReader.Read(new StringReader(t), "data.csv"),
            "timestamp,value\n2014-07-01 00:00:00,1.5\n2014-07-01 00:05:00,-2e3\n2014-07-01 00:10:00,0\n");

    [Fact]
    public void Nab_label_reader_survives_mutants() =>
        Run(
            t => NabLabelReader.Parse(t, "combined_windows.json"),
            "{\"realKnownCause/a.csv\":[[\"2014-07-01 00:00:00.000000\",\"2014-07-02 00:00:00.000000\"]],\"b/c.csv\":[]}");

    [Fact]
    public void Nab_profile_reader_survives_mutants() =>
        Run(
            t => NabProfileReader.Parse(t, "profiles.json"),
            "{\"standard\":{\"CostMatrix\":{\"tpWeight\":1.0,\"fpWeight\":0.11,\"fnWeight\":1.0,\"tnWeight\":1.0}}}");

    [Fact]
    public void Kpi_csv_reader_survives_mutants() =>
        InputMutations.Of("time,series,value\n2024-01-01T00:00:00Z,\"cell,1\",1.5\n1704067200,b,-2e3\n2024-01-01 00:15:00+01:00,b,\n")
            .Sample(input => HostileInput.Check(input, bytes => KpiDetection.Run(new MemoryStream(bytes), "kpi.csv", new KpiDetectionRequest(), TextWriter.Null)), iter: Iterations, threads: 1);

    [Fact]
    public void Ves_error_escapes_control_characters_from_the_body()
    {
        var body = TestEvents.ValidFault.Replace("\"CRITICAL\"", "\"\\u001b[2J\"", StringComparison.Ordinal);

        var ex = Assert.Throws<VesValidationException>(() => VesParser.ParseBody(Encoding.UTF8.GetBytes(body)));

        Assert.DoesNotContain('\u001b', ex.Message);
        Assert.Contains("\\x1B[2J", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nab_data_error_escapes_control_characters()
    {
        var ex = Assert.Throws<InputFormatException>(() => NabCsvReader.Read(new StringReader("timestamp,value\n2014-07-01 00:00:00,\u001b[2J\n"), "data.csv"));

        Assert.Equal("data.csv:2: bad value '\\x1B[2J', expected a finite number", ex.Message);
    }

    private static void Run(Action<string> parse, string seed) =>
        InputMutations.Of(seed).Sample(input => HostileInput.Check(input, bytes => parse(HostileInput.Text(bytes))), iter: Iterations, threads: 1);
}
