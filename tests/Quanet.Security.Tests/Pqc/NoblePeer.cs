using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Quanet.Security.Tests.Pqc;

/// <summary>
/// Runs the JavaScript interoperability peer tests/interop/noble/interop.mjs (@noble/post-quantum)
/// with a batch of requests. Missing node or node_modules is a test failure, never a skip:
/// ./test.sh installs the peer with `npm ci`.
/// </summary>
internal static class NoblePeer
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "interop", "noble");

    public static JsonArray Run(params JsonObject[] requests)
    {
        var modules = Path.Combine(Folder, "node_modules", "@noble", "post-quantum");
        if (!Directory.Exists(modules))
        {
            Assert.Fail($"@noble/post-quantum is not installed in {Folder}: run `npm ci` there (./test.sh does it)");
        }

        var start = new ProcessStartInfo("node", "interop.mjs")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail("node (JavaScript runtime) is not on PATH: " + ex.Message);
            throw;
        }

        using (process)
        {
            process.StandardInput.Write(new JsonArray(requests).ToJsonString());
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("interop.mjs did not finish within 60 s");
            }

            Assert.True(process.ExitCode == 0, $"interop.mjs exited {process.ExitCode}: {stderr.Result}");
            var responses = JsonNode.Parse(stdout.Result)?.AsArray() ?? throw new InvalidOperationException("no output from interop.mjs");
            for (var i = 0; i < responses.Count; i++)
            {
                var error = responses[i]?["error"];
                Assert.True(error is null, $"noble request {i} ({requests[i]["op"]}) failed: {error}");
            }

            return responses;
        }
    }

    public static JsonObject Request(string op, params (string Name, object Value)[] fields)
    {
        var request = new JsonObject { ["op"] = op };
        foreach (var (name, value) in fields)
        {
            request[name] = value switch
            {
                byte[] data => Convert.ToHexStringLower(data),
                bool flag => flag,
                _ => value.ToString(),
            };
        }

        return request;
    }

    public static byte[] Bytes(this JsonNode? response, string field) =>
        Convert.FromHexString(response?[field]?.GetValue<string>() ?? throw new InvalidOperationException($"missing {field}"));

    public static bool Flag(this JsonNode? response, string field) =>
        response?[field]?.GetValue<bool>() ?? throw new InvalidOperationException($"missing {field}");
}
