using System.Text.Json;

namespace Quanet.Security.Tests.Pqc;

/// <summary>Reads one embedded known-answer test case (a flat JSON object of hex strings).</summary>
internal static class KnownAnswerVector
{
    public static Dictionary<string, string> Load(string fileName)
    {
        using var stream = File.OpenRead(TestPaths.Vector(fileName));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException(fileName + " is empty");
    }

    public static byte[] Bytes(this Dictionary<string, string> vector, string field) => Convert.FromHexString(vector[field]);
}
