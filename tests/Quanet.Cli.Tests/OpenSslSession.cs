using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Quanet.Testing;

namespace Quanet.Cli.Tests;

/// <summary>
/// One TLS 1.3 external-PSK session on 127.0.0.1 between OpenSSL's <c>s_server -nocert</c> (certificate-less, so
/// only the PSK can authenticate) and <c>s_client</c>, which sends a payload and closes; the server's standard
/// output (with <c>-quiet</c>) is exactly the bytes it received.
/// </summary>
internal static class OpenSslSession
{
    public static string? Program { get; } = ProgramPath.Find("openssl");

    /// <summary>Runs the session; returns s_client's exit code and standard error, and what s_server received.</summary>
    public static async Task<(int ClientExit, string ClientError, byte[] Received)> RunAsync(string serverArguments, string clientArguments, byte[] payload)
    {
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        using var server = Start(["s_server", "-tls1_3", "-nocert", .. Split(serverArguments), "-accept", "127.0.0.1:" + port, "-naccept", "1", "-quiet"]);
        // s_server ends the session when its own standard input ends: keep it open until the server is done.
        var received = ReadAllAsync(server.StandardOutput.BaseStream);
        var serverError = server.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var client = Start(["s_client", "-tls1_3", .. Split(clientArguments), "-connect", "127.0.0.1:" + port, "-nocommands", "-quiet", "-no_ign_eof"]);
            var clientOutput = client.StandardOutput.ReadToEndAsync();
            var clientError = client.StandardError.ReadToEndAsync();
            await client.StandardInput.BaseStream.WriteAsync(payload);
            client.StandardInput.Close();
            await client.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var error = await clientError;
            await clientOutput;
            // the server may not listen yet: "connect:errno=111" (connection refused) means try again
            if (client.ExitCode != 0 && error.Contains("errno=111", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                continue;
            }

            if (!server.WaitForExit(10_000))
            {
                server.Kill();
            }

            server.StandardInput.Close();
            await serverError;
            return (client.ExitCode, error, await received);
        }
    }

    private static string[] Split(string arguments) => arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Process Start(string[] arguments)
    {
        var info = new ProcessStartInfo(Program!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
