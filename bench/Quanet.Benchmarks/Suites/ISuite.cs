namespace Quanet.Benchmarks.Suites;

/// <summary>A benchmark-suite runner over a public instance set (Gset, PACE, OR-Library, NAB, ...).</summary>
public interface ISuite
{
    /// <summary>The first command-line argument that selects this suite, e.g. <c>gset</c>.</summary>
    string Name { get; }

    /// <summary>Runs the suite with the remaining arguments; prints a Markdown table; returns an exit code.</summary>
    int Run(string[] args);
}
