namespace Quanet.Security.Qkd;

/// <summary>Draws key rate against distance (logarithmic rate axis) to a PNG file with ScottPlot.</summary>
public static class KeyRatePlot
{
    /// <summary>Writes the plot of one or more key-rate curves to <paramref name="path"/>.</summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="series">Curves: a legend label and the rates (points with rate 0 are left out of the log plot).</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public static void SavePng(string path, IReadOnlyList<(string Label, IReadOnlyList<KeyRate> Rates)> series, int width = 900, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new ScottPlot.Plot();
        foreach (var (label, rates) in series)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var rate in rates)
            {
                if (rate.RatePerPulse > 0)
                {
                    xs.Add(rate.Distance.Value);
                    ys.Add(Math.Log10(rate.RatePerPulse));
                }
            }

            var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            scatter.LegendText = label;
            scatter.MarkerSize = 4;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => "1e" + Math.Round(y).ToString(System.Globalization.CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.XLabel("Fibre length (km)");
        plot.YLabel("Secret key rate (bits per pulse)");
        plot.Title("Decoy-state BB84 key rate");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
