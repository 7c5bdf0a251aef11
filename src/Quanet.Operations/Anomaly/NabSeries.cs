namespace Quanet.Operations.Anomaly;

/// <summary>One NAB data file: its timestamps, values and labelled anomaly windows.</summary>
public sealed class NabSeries
{
    /// <summary>Creates a series; <paramref name="windows"/> must be sorted, disjoint and inside the series.</summary>
    /// <param name="name">Path relative to <c>data/</c> with forward slashes, e.g. <c>realKnownCause/nyc_taxi.csv</c>.</param>
    /// <param name="timestamps">Row timestamps.</param>
    /// <param name="values">Row values, as long as <paramref name="timestamps"/>.</param>
    /// <param name="windows">Labelled windows as row indices.</param>
    /// <exception cref="ArgumentException">Lengths differ or a window is out of range, unsorted or overlapping.</exception>
    public NabSeries(string name, DateTime[] timestamps, double[] values, AnomalyWindow[] windows)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(windows);
        if (timestamps.Length != values.Length)
        {
            throw new ArgumentException($"{name}: {timestamps.Length} timestamps but {values.Length} values", nameof(values));
        }

        var previousEnd = -1;
        foreach (var window in windows)
        {
            if (window.Start <= previousEnd || window.End < window.Start || window.End >= values.Length)
            {
                throw new ArgumentException($"{name}: window [{window.Start}, {window.End}] is out of order, empty or outside the {values.Length} rows", nameof(windows));
            }

            previousEnd = window.End;
        }

        Name = name;
        Timestamps = timestamps;
        Values = values;
        Windows = windows;
    }

    /// <summary>Path relative to the corpus <c>data/</c> folder, forward slashes.</summary>
    public string Name { get; }

    /// <summary>Row timestamps.</summary>
    public IReadOnlyList<DateTime> Timestamps { get; }

    /// <summary>Row values.</summary>
    public ReadOnlyMemory<double> Values { get; }

    /// <summary>Labelled anomaly windows, sorted and disjoint.</summary>
    public IReadOnlyList<AnomalyWindow> Windows { get; }

    /// <summary>Number of rows.</summary>
    public int Length => Values.Length;
}
