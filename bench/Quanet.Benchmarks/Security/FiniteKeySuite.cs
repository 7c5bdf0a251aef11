using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Core.Units;
using Quanet.Security.Qkd;

namespace Quanet.Benchmarks.Security;

/// <summary>
/// `finite-key` suite: the finite-key rates of Lim, Curty, Walenta, Xu and Zbinden, PRA 89, 022307 (2014), Fig. 1
/// (dedicated fibre), n_X = 10^4 ... 10^9 and the asymptotic three-intensity rate, with the paper's parameters; then
/// the rates against the figure as digitised from its vector data by an independent simulator's validation page.
/// Prints the Markdown tables of docs/qkd.md. Usage: finite-key.
/// </summary>
public sealed class FiniteKeySuite : ISuite
{
    private static readonly QkdLinkParameters Link = new()
    {
        AttenuationDbPerKm = 0.2,
        DetectorEfficiency = 0.1,
        DarkCountYield = 1.2e-6,
        Misalignment = 5e-3,
        ErrorCorrectionEfficiency = 1.16,
    };

    private static readonly double[] Blocks = [1e4, 1e5, 1e6, 1e7, 1e8, 1e9, double.PositiveInfinity];

    // n_X, then the figure's rate at 0, 20, 50, 100 and 140 km (NaN: none) and the km where its curve leaves the
    // window at 1e-7 (the digitisation calls it the maximum reach)
    private static readonly (double Block, double[] Rates, double WindowKm)[] Figure =
    [
        (1e4, [4.47e-4, 1.71e-4, 4.13e-5, 3.15e-6, double.NaN], 134.6),
        (1e5, [1.58e-3, 6.11e-4, 1.50e-4, 1.29e-5, 9.13e-7], 156.1),
        (1e6, [3.32e-3, 1.29e-3, 3.17e-4, 2.87e-5, 2.79e-6], 167.5),
        (1e7, [5.19e-3, 2.02e-3, 4.99e-4, 4.64e-5, 5.30e-6], 173.2),
        (1e8, [7.21e-3, 2.81e-3, 6.94e-4, 6.55e-5, 7.88e-6], 177.1),
        (1e9, [8.85e-3, 3.45e-3, 8.54e-4, 8.17e-5, 1.03e-5], 179.6),
    ];

    private static readonly double[] FigureKm = [0, 20, 50, 100, 140];

    public string Name => "finite-key";

    public int Run(string[] args)
    {
        Console.WriteLine("| n_X | 0 km | 25 | 50 | 75 | 100 | 125 | 150 | 175 | last km with key | below 1e-7 from km |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var block in Blocks)
        {
            var rates = Enumerable.Range(0, 8).Select(i => Format(Rate(block, 25 * i)));
            Console.WriteLine($"| {Label(block)} | {string.Join(" | ", rates)} | {Km(Crossing(block, 0))} | {Km(Crossing(block, 1e-7))} |");
        }

        Console.WriteLine();
        Console.WriteLine("| n_X | 0 km | 20 | 50 | 100 | 140 | below 1e-7 from km |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (block, figure, windowKm) in Figure)
        {
            var cells = FigureKm.Select((km, i) => double.IsNaN(figure[i]) ? Format(Rate(block, km)) : $"{Format(Rate(block, km))} ({Rate(block, km) / figure[i]:0.00})");
            Console.WriteLine($"| {Label(block)} | {string.Join(" | ", cells)} | {Km(Crossing(block, 1e-7))} ({Km(windowKm)}) |");
        }

        return 0;
    }

    private static double Rate(double block, double km) => FiniteKeyModel.Optimal(Link, Parameters(block), new Kilometres(km)).RatePerPulse;

    private static FiniteKeyParameters Parameters(double block) => new()
    {
        BlockSize = block,
        SecrecyPerKeyBit = double.IsPositiveInfinity(block) ? null : 1e-15,
        EpsilonCorrectness = 1e-15,
        VacuumIntensity = 2e-4,
        AfterpulseProbability = 0.04,
    };

    // the km (to 0.1 km) from which the rate is at or below the floor: the rate falls with distance, so bisection
    private static double Crossing(double block, double floor)
    {
        double above = 0, below = 250;
        while (below - above > 0.05)
        {
            var middle = (above + below) / 2;
            if (Rate(block, middle) > floor)
            {
                above = middle;
            }
            else
            {
                below = middle;
            }
        }

        return above;
    }

    private static string Label(double block) => double.IsPositiveInfinity(block) ? "asymptotic" : $"10^{Math.Log10(block):0}";

    private static string Format(double rate) => rate.ToString("0.00E+0", CultureInfo.InvariantCulture);

    private static string Km(double km) => km.ToString("0.0", CultureInfo.InvariantCulture);
}
