using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Quanet.Benchmarks.Kme;

/// <summary>
/// One TLS 1.3 external-PSK session on 127.0.0.1: OpenSSL <c>s_server -nocert -naccept 1 -quiet</c> and
/// <c>s_client</c> sending a payload; true when the server received it byte for byte. (The Quanet.Cli tests have
/// the same harness; a benchmark does not reference test projects.)
/// </summary>
internal static class OpenSslPskSession
{
    public static string? Program { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "openssl"))
        .FirstOrDefault(File.Exists);

    public static async Task<bool> RunAsync(string pskHex, string identity, byte[] payload)
    {
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        using var server = Start("s_server", "-tls1_3", "-nocert", "-psk", pskHex, "-psk_identity", identity, "-accept", "127.0.0.1:" + port, "-naccept", "1", "-quiet");
        var received = ReadAllAsync(server.StandardOutput.BaseStream);
        var serverError = server.StandardError.ReadToEndAsync();
        while (true)
        {
            using var client = Start("s_client", "-tls1_3", "-psk", pskHex, "-psk_identity", identity, "-connect", "127.0.0.1:" + port, "-nocommands", "-quiet", "-no_ign_eof");
            var clientOutput = client.StandardOutput.ReadToEndAsync();
            var clientError = client.StandardError.ReadToEndAsync();
            await client.StandardInput.BaseStream.WriteAsync(payload);
            client.StandardInput.Close();
            await client.WaitForExitAsync();
            await clientOutput;
            if (client.ExitCode != 0 && (await clientError).Contains("errno=111", StringComparison.Ordinal))
            {
                // s_server not listening yet
                await Task.Delay(5);
                continue;
            }

            if (!server.WaitForExit(10_000))
            {
                server.Kill();
            }

            server.StandardInput.Close();
            await serverError;
            return client.ExitCode == 0 && (await received).AsSpan().SequenceEqual(payload);
        }
    }

    private static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(Program!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
