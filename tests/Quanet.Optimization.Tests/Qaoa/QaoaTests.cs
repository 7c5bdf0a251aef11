using System.Globalization;
using System.Text.Json;
using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Tests.Exact;

namespace Quanet.Optimization.Tests.Qaoa;

public sealed class QaoaTests
{
    private static readonly SamplerOptions Options = new() { Seed = 7 };

    [Theory]
    [InlineData(0.3, 0.2)]
    [InlineData(1.1, -0.4)]
    [InlineData(-0.7, 0.9)]
    public void Depth_one_triangle_matches_the_analytic_expectation(double gamma, double beta)
    {
        // Wang, Hadfield, Jiang and Rieffel 2018 (PRA 97, 022304), eq. for an edge of a triangle
        // (degrees 2, one common neighbour) under exp(-i gamma C), C = sum (1 - Z Z) / 2:
        // <C_uv> = 1/2 + 1/2 sin(4b) sin(g) cos(g) - 1/4 sin^2(2b) (1 - cos(2g)).
        var triangle = Ring(3);
        var perEdge = 0.5 + (0.5 * Math.Sin(4 * beta) * Math.Sin(gamma) * Math.Cos(gamma))
            - (0.25 * Math.Pow(Math.Sin(2 * beta), 2) * (1 - Math.Cos(2 * gamma)));
        var simulator = new QaoaStateVector(triangle.ToMaxCutIsing());

        // C = (W - H) / 2 with H = sum Z Z, so exp(-i gamma C) = exp(+i gamma H / 2) up to a phase
        simulator.Prepare([-gamma / 2], [beta]);

        Assert.Equal(3 * perEdge, MaxCutSolver.CutFromEnergy(triangle, simulator.Expectation()), 9);
    }

    [Fact]
    public void Depth_one_on_an_even_ring_reaches_three_quarters_of_the_maximum_cut()
    {
        // Farhi, Goldstone and Gutmann 2014: p = 1 on 2-regular graphs without triangles cuts 3/4 of the edges in expectation
        var ring = Ring(8);

        var angles = new QaoaSampler { Depth = 1 }.OptimizeAngles(ring.ToMaxCutIsing(), Options);

        Assert.Equal(0.75, MaxCutSolver.CutFromEnergy(ring, angles.Expectation) / 8, 4);
        Assert.Equal(-8, angles.MinimumCost);
    }

    [Fact]
    public void Deeper_circuits_do_not_do_worse_and_the_most_probable_ring_state_is_a_maximum_cut()
    {
        var ring = Ring(6);
        var ising = ring.ToMaxCutIsing();

        var p1 = new QaoaSampler { Depth = 1 }.OptimizeAngles(ising, Options);
        var p3 = new QaoaSampler { Depth = 3 }.OptimizeAngles(ising, Options);
        var simulator = new QaoaStateVector(ising);
        simulator.Prepare(p3.Gammas, p3.Betas);
        var mostProbable = 0;
        for (var z = 1; z < 1 << 6; z++)
        {
            mostProbable = simulator.Probability(z) > simulator.Probability(mostProbable) ? z : mostProbable;
        }

        Assert.True(p3.Expectation <= p1.Expectation + 1e-9);
        Assert.Equal(6.0, ring.CutValue(simulator.Spins(mostProbable)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sampled_best_state_is_the_exact_optimum_on_small_models(int seed)
    {
        var model = RandomQubo(8, seed);

        var result = new QaoaSampler { Depth = 2 }.Sample(model, new SamplerOptions { Seed = seed });

        Assert.Equal(BruteForce.Minimum(model), result.Best.Energy, 9);
        Assert.Equal(1000, result.Samples.Sum(s => s.Occurrences));
    }

    [Fact]
    public void Same_seed_gives_the_same_samples()
    {
        var model = RandomQubo(6, 4);

        var a = new QaoaSampler { Depth = 2, Shots = 50 }.Sample(model, Options);
        var b = new QaoaSampler { Depth = 2, Shots = 50 }.Sample(model, Options);

        Assert.Equal(a.Samples.Select(s => (s.Energy, s.Occurrences)), b.Samples.Select(s => (s.Energy, s.Occurrences)));
    }

    [Fact]
    public void Interp_initialisation_follows_zhou_et_al()
    {
        Assert.Equal([1.0, 1.0], QaoaAngles.Interpolate([1.0]));
        Assert.Equal([1.0, 1.5, 2.0], QaoaAngles.Interpolate([1.0, 2.0]));
    }

    [Fact]
    public void Exported_openqasm_program_prepares_the_simulated_state()
    {
        var model = RandomQubo(4, 9);
        double[] gammas = [0.3, -0.2];
        double[] betas = [0.7, 0.4];
        var simulator = new QaoaStateVector(model);
        simulator.Prepare(gammas, betas);

        var json = OpenQasmExporter.ToBraketProgramJson(model, gammas, betas);
        using var document = JsonDocument.Parse(json);
        var header = document.RootElement.GetProperty("braketSchemaHeader");
        var source = document.RootElement.GetProperty("source").GetString()!;
        var (re, im) = QasmInterpreter.Run(source);

        Assert.Equal("braket.ir.openqasm.program", header.GetProperty("name").GetString());
        Assert.Equal("1", header.GetProperty("version").GetString());
        Assert.StartsWith("OPENQASM 3.0;", source, StringComparison.Ordinal);
        Assert.EndsWith("b = measure q;\n", source, StringComparison.Ordinal);
        // equal up to a global phase (the offset): |<psi_qasm|psi_sim>| = 1
        double overlapRe = 0, overlapIm = 0;
        for (var z = 0; z < re.Length; z++)
        {
            overlapRe += (re[z] * simulator.Real[z]) + (im[z] * simulator.Imaginary[z]);
            overlapIm += (re[z] * simulator.Imaginary[z]) - (im[z] * simulator.Real[z]);
        }

        Assert.Equal(1.0, Math.Sqrt((overlapRe * overlapRe) + (overlapIm * overlapIm)), 9);
    }

    private static WeightedGraph Ring(int n) =>
        new(n, [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, n).Select(i => (i + 1) % n)], [.. Enumerable.Repeat(1.0, n)]);

    private static BinaryQuadraticModel RandomQubo(int n, int seed)
    {
        var random = new Random(seed);
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(n);
        for (var i = 0; i < n; i++)
        {
            builder.AddLinear(i, random.Next(-3, 4));
            for (var j = i + 1; j < n; j++)
            {
                if (random.Next(2) == 0)
                {
                    builder.AddQuadratic(i, j, random.Next(-3, 4));
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Applies the h / cnot / rz / rx lines of an exported program to |0...0&gt;, independently of the simulator.</summary>
    private static class QasmInterpreter
    {
        public static (double[] Re, double[] Im) Run(string source)
        {
            var lines = source.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var n = int.Parse(lines[1]["qubit[".Length..lines[1].IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            var re = new double[1 << n];
            var im = new double[1 << n];
            re[0] = 1;
            foreach (var line in lines)
            {
                var qubits = line.Split("q[").Skip(1).Select(p => int.Parse(p[..p.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToArray();
                var angle = line.Contains('(', StringComparison.Ordinal)
                    ? double.Parse(line[(line.IndexOf('(', StringComparison.Ordinal) + 1)..line.IndexOf(')', StringComparison.Ordinal)], CultureInfo.InvariantCulture)
                    : 0.0;
                if (line.StartsWith("h ", StringComparison.Ordinal))
                {
                    OneQubit(re, im, qubits[0], (Math.Sqrt(0.5), 0), (Math.Sqrt(0.5), 0), (Math.Sqrt(0.5), 0), (-Math.Sqrt(0.5), 0));
                }
                else if (line.StartsWith("rx(", StringComparison.Ordinal))
                {
                    var (s, c) = Math.SinCos(angle / 2);
                    OneQubit(re, im, qubits[0], (c, 0), (0, -s), (0, -s), (c, 0));
                }
                else if (line.StartsWith("rz(", StringComparison.Ordinal))
                {
                    var (s, c) = Math.SinCos(angle / 2);
                    OneQubit(re, im, qubits[0], (c, -s), (0, 0), (0, 0), (c, s));
                }
                else if (line.StartsWith("cnot ", StringComparison.Ordinal))
                {
                    for (var z = 0; z < re.Length; z++)
                    {
                        if (((z >> qubits[0]) & 1) == 1 && ((z >> qubits[1]) & 1) == 0)
                        {
                            var t = z | (1 << qubits[1]);
                            (re[z], re[t]) = (re[t], re[z]);
                            (im[z], im[t]) = (im[t], im[z]);
                        }
                    }
                }
            }

            return (re, im);
        }

        // [[a, b], [c, d]] on (bit 0, bit 1) of the qubit, complex entries as (re, im)
        private static void OneQubit(double[] re, double[] im, int q, (double R, double I) a, (double R, double I) b, (double R, double I) c, (double R, double I) d)
        {
            for (var z = 0; z < re.Length; z++)
            {
                if (((z >> q) & 1) == 1)
                {
                    continue;
                }

                var o = z | (1 << q);
                var (ur, ui, vr, vi) = (re[z], im[z], re[o], im[o]);
                re[z] = (a.R * ur) - (a.I * ui) + (b.R * vr) - (b.I * vi);
                im[z] = (a.R * ui) + (a.I * ur) + (b.R * vi) + (b.I * vr);
                re[o] = (c.R * ur) - (c.I * ui) + (d.R * vr) - (d.I * vi);
                im[o] = (c.R * ui) + (c.I * ur) + (d.R * vi) + (d.I * vr);
            }
        }
    }
}
