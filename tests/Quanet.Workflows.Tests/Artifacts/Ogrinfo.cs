using System.Diagnostics;

namespace Quanet.Workflows.Tests.Artifacts;

/// <summary>GDAL's <c>ogrinfo -ro -al -so</c> summary of a file, run where <see cref="OgrinfoFactAttribute"/> found it.</summary>
internal static class Ogrinfo
{
    public static string Summary(string path)
    {
        var info = new ProcessStartInfo(OgrinfoFactAttribute.Program!, ["-ro", "-al", "-so", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
        return output.Result;
    }

    /// <summary>Each layer's name mapped to its part of the summary (geometry, count, extent, SRS, fields).</summary>
    public static Dictionary<string, string> LayerTexts(string summary)
    {
        var texts = new Dictionary<string, string>();
        foreach (var part in summary.Split("Layer name: ").Skip(1))
        {
            texts[part[..part.IndexOf('\n', StringComparison.Ordinal)].Trim()] = part;
        }

        return texts;
    }

    /// <summary>Each layer's name mapped to its geometry line and feature count, as ogrinfo reports them.</summary>
    public static Dictionary<string, (string Geometry, int Count)> Layers(string summary)
    {
        var layers = new Dictionary<string, (string, int)>();
        string? name = null;
        var geometry = "";
        foreach (var line in summary.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("Layer name: ", StringComparison.Ordinal))
            {
                name = line["Layer name: ".Length..];
            }
            else if (line.StartsWith("Geometry: ", StringComparison.Ordinal))
            {
                geometry = line["Geometry: ".Length..];
            }
            else if (line.StartsWith("Feature Count: ", StringComparison.Ordinal) && name is not null)
            {
                layers[name] = (geometry, int.Parse(line["Feature Count: ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return layers;
    }
}
