namespace Quanet.Operations.Anomaly;

/// <summary>
/// A NAB-layout folder: <c>data/**/*.csv</c> (columns <c>timestamp,value</c>),
/// <c>labels/combined_windows.json</c> and <c>config/profiles.json</c> (optional; NAB's three
/// profiles when absent).
/// </summary>
public sealed class NabCorpus
{
    private NabCorpus(IReadOnlyList<NabSeries> series, IReadOnlyList<NabProfile> profiles)
    {
        Series = series;
        Profiles = profiles;
    }

    /// <summary>The labelled series, ordered by relative path.</summary>
    public IReadOnlyList<NabSeries> Series { get; }

    /// <summary>The profiles to score.</summary>
    public IReadOnlyList<NabProfile> Profiles { get; }

    /// <summary>Total labelled windows.</summary>
    public int WindowCount
    {
        get
        {
            var count = 0;
            foreach (var s in Series)
            {
                count += s.Windows.Count;
            }

            return count;
        }
    }

    /// <summary>Builds a corpus from series already in memory.</summary>
    public static NabCorpus FromSeries(IReadOnlyList<NabSeries> series, IReadOnlyList<NabProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new NabCorpus(series, profiles ?? NabProfile.Defaults);
    }

    /// <summary>
    /// Loads a NAB-layout folder. Every file named in the labels must exist; data files without labels
    /// are skipped, as NAB does.
    /// </summary>
    /// <param name="directory">The folder holding <c>data/</c>, <c>labels/</c> and <c>config/</c>.</param>
    /// <param name="only">If given, load only series whose relative path contains this text.</param>
    /// <exception cref="DirectoryNotFoundException">The folder or its <c>data/</c> is missing.</exception>
    /// <exception cref="Quanet.Core.InputFormatException">A CSV or JSON file is malformed.</exception>
    public static NabCorpus Load(string directory, string? only = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"NAB folder not found: {directory}");
        }

        var dataDirectory = Path.Combine(directory, "data");
        if (!Directory.Exists(dataDirectory))
        {
            throw new DirectoryNotFoundException($"NAB folder has no data/ subfolder: {directory}");
        }

        var labelsPath = Path.Combine(directory, "labels", "combined_windows.json");
        if (!File.Exists(labelsPath))
        {
            throw new FileNotFoundException($"NAB folder has no labels/combined_windows.json: {directory}", labelsPath);
        }

        var labels = NabLabelReader.Read(labelsPath);
        var profilesPath = Path.Combine(directory, "config", "profiles.json");
        var profiles = File.Exists(profilesPath) ? NabProfileReader.Read(profilesPath) : NabProfile.Defaults;
        var names = new List<string>(labels.Keys);
        names.Sort(StringComparer.Ordinal);
        var series = new List<NabSeries>(names.Count);
        foreach (var name in names)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = Path.Combine(dataDirectory, name.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                throw new Quanet.Core.InputFormatException(labelsPath, 0, $"labels name data file '{name}' which is not in {dataDirectory}");
            }

            var (timestamps, values) = NabCsvReader.Read(path);
            var windows = NabLabelReader.ToWindows(labelsPath, name, labels[name], timestamps);
            series.Add(new NabSeries(name, timestamps, values, windows));
        }

        return new NabCorpus(series, profiles);
    }
}
