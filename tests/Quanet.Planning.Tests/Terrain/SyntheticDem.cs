using System.Buffers.Binary;
using System.Diagnostics;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

/// <summary>Small DEMs made in the tests: SRTM tiles written byte by byte, grids for the GeoTIFF writer, GDAL runs.</summary>
internal static class SyntheticDem
{
    /// <summary>Writes a 3" (1201 x 1201) tile whose height at (row, column) is <paramref name="height"/>.</summary>
    public static string WriteHgt(string directory, string name, Func<int, int, short> height)
    {
        const int size = 1201;
        var bytes = new byte[size * size * 2];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(((r * size) + c) * 2), height(r, c));
            }
        }

        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A pattern with every row and column distinct, so that a shifted or transposed read shows.</summary>
    public static short Pattern(int row, int column) => (short)((row * 7) + (column * 3) - 2000);

    /// <summary>A grid over [south, north] x [west, east] at <paramref name="step"/> degrees with heights from <paramref name="height"/>(lat, lon).</summary>
    public static ElevationGrid Grid(double south, double north, double west, double east, double step, Func<double, double, float> height)
    {
        var rows = (int)Math.Round((north - south) / step) + 1;
        var columns = (int)Math.Round((east - west) / step) + 1;
        var heights = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                heights[(r * columns) + c] = height(north - (r * step), west + (c * step));
            }
        }

        return new ElevationGrid(heights, rows, columns, north, west, step, step, "synthetic");
    }

    /// <summary>Runs a GDAL tool; its standard output, or a failed assertion with its standard error.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }
}
