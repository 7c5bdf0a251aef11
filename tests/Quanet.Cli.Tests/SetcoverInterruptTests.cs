using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Quanet.Cli.Commands;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Tests;

/// <summary><c>quanet setcover</c> cancelled (Ctrl+C) during the solve: the best cover so far is printed, marked interrupted, exit 130.</summary>
public sealed class SetcoverInterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-setcover-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("cpsat")]
    [InlineData("heuristic")]
    [InlineData("anneal")]
    [InlineData("qubo")]
    public async Task Ctrl_c_during_the_solve_prints_the_best_cover_so_far_and_exits_130(string solver)
    {
        // the clock never moves, so no solver stops at its limit; it cancels itself once the solver has read it a
        // few hundred times, i.e. inside the search: no timing involved
        using var cancel = new CancellationTokenSource();
        var clock = new CancellingClock(cancel, afterReads: 20);
        var root = new RootCommand("test") { SetcoverCommand.Create(clock) };
        root.Options.Add(CommonOptions.Verbose);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await root.Parse(["setcover", Instance(), "--solver", solver, "--time", "600", "--json"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancel.Token);

        Assert.True(clock.Reads >= 20, $"the solver read the clock {clock.Reads} times: it finished before the cancel");
        Assert.True(code == ExitCodes.Cancelled, $"exit {code}: {error}");
        using var json = JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.True(json.RootElement.GetProperty("feasible").GetBoolean());
        Assert.InRange(json.RootElement.GetProperty("columns").GetInt32(), 1, 200);
        Assert.True(json.RootElement.GetProperty("cost").GetDouble() > 0);
    }

    [Fact]
    public async Task An_interrupted_cover_says_so_in_the_text_output()
    {
        using var cancel = new CancellationTokenSource();
        var root = new RootCommand("test") { SetcoverCommand.Create(new CancellingClock(cancel, afterReads: 20)) };
        using var output = new StringWriter();

        var code = await root.Parse(["setcover", Instance(), "--solver", "heuristic", "--time", "600"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = TextWriter.Null }, cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("interrupted (Ctrl+C): the best cover found until then", output.ToString(), StringComparison.Ordinal);
    }

    // 60 rows, 200 columns of 3 to 6 random rows each, costs 1 to 100: too large to enumerate (the QUBO has slack
    // variables besides the 200 columns) and to prove in a few hundred clock reads; every row is covered
    private string Instance()
    {
        const int rows = 60, columns = 200;
        var random = new Random(11);
        var costs = new int[columns];
        var covering = new List<int>[rows];
        for (var i = 0; i < rows; i++)
        {
            covering[i] = [];
        }

        for (var j = 0; j < columns; j++)
        {
            costs[j] = random.Next(1, 101);
            foreach (var i in Enumerable.Range(0, rows).OrderBy(_ => random.Next()).Take(random.Next(3, 7)))
            {
                covering[i].Add(j + 1);
            }
        }

        for (var i = 0; i < rows; i++)
        {
            if (covering[i].Count == 0)
            {
                covering[i].Add((i % columns) + 1);
            }
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{rows} {columns}\n").AppendJoin(' ', costs).Append('\n');
        foreach (var row in covering)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Count}\n").AppendJoin(' ', row).Append('\n');
        }

        var path = Path.Combine(_dir, "scp.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private sealed class CancellingClock(CancellationTokenSource cancel, int afterReads) : TimeProvider
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override long GetTimestamp()
        {
            if (Interlocked.Increment(ref _reads) == afterReads)
            {
                cancel.Cancel();
            }

            return 0;
        }
    }
}
