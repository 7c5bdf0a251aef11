using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Quanet.Kme.Tests.Support;
using Quanet.Testing;

namespace Quanet.Kme.Tests.Interop;

/// <summary>Clients written independently of this code (Python's ssl + http.client, and curl) against a real KME.</summary>
[Collection(KmeCollection.Name)]
public sealed class IndependentClientTests(KmePair kmes)
{
    [RequiresProgramFact("python3")]
    public async Task Python_standard_library_client_passes_status_enc_keys_dec_keys_round_trip()
    {
        var python = ProgramPath.Find("python3");
        var folder = kmes.Pki.Folder;
        var (code, output, error) = await RunAsync(python!, Path.Combine(AppContext.BaseDirectory, "Interop", "etsi014_client.py"),
            "127.0.0.1", kmes.A.BaseAddress.Port.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, "ca.crt"),
            Path.Combine(folder, "SAE_A.crt"), Path.Combine(folder, "SAE_A.key"), Path.Combine(folder, "SAE_C.crt"), Path.Combine(folder, "SAE_C.key"),
            "SAE_A", "SAE_C");

        Assert.True(code == 0, error + output);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("ok").GetBoolean());
    }

    [RequiresProgramFact("curl")]
    public async Task Curl_fetches_a_key_at_site_A_and_the_slave_fetches_it_with_curl_at_site_B()
    {
        var curl = ProgramPath.Find("curl");
        var folder = kmes.Pki.Folder;
        string[] Tls(string sae) => ["-s", "--cacert", Path.Combine(folder, "ca.crt"), "--cert", Path.Combine(folder, sae + ".crt"), "--key", Path.Combine(folder, sae + ".key")];
        var (_, issued, _) = await RunAsync(curl!, [.. Tls("SAE_A"), "-H", "Content-Type: application/json", "-d", "{\"number\":1,\"size\":256}", new Uri(kmes.A.BaseAddress, "api/v1/keys/SAE_B/enc_keys").ToString()]);
        var key = JsonDocument.Parse(issued).RootElement.GetProperty("keys")[0];
        var id = key.GetProperty("key_ID").GetString()!;
        var (_, fetched, _) = await RunAsync(curl!, [.. Tls("SAE_B"), new Uri(kmes.B.BaseAddress, "api/v1/keys/SAE_A/dec_keys?key_ID=" + id).ToString()]);
        var (noCertCode, noCert, _) = await RunAsync(curl!, ["-s", "--cacert", Path.Combine(folder, "ca.crt"), new Uri(kmes.A.BaseAddress, "api/v1/keys/SAE_B/enc_keys").ToString()]);

        Assert.Equal(key.GetProperty("key").GetString(), JsonDocument.Parse(fetched).RootElement.GetProperty("keys")[0].GetProperty("key").GetString());
        Assert.NotEqual(0, noCertCode);
        Assert.DoesNotContain("\"key\"", noCert, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
