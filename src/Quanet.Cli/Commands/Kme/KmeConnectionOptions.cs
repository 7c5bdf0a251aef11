using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;

namespace Quanet.Cli.Commands.Kme;

/// <summary>How an SAE command reaches its KME: URL, CA, certificate and key; and the one call it makes.</summary>
internal sealed class KmeConnectionOptions
{
    public Option<string> Url { get; } = new("--url") { Description = "KME base URL", DefaultValueFactory = _ => "https://127.0.0.1:8443" };

    public Option<DirectoryInfo> Certs { get; } = new("--certs") { Description = "Folder written by 'quanet kme certs' (ca.crt, SAE.crt, SAE.key)" };

    public Option<string> As { get; } = new("--as") { Description = "This SAE's ID: uses --certs/SAE.crt and SAE.key" };

    public Option<FileInfo> Ca { get; } = new("--ca") { Description = "CA certificate (PEM) trusted for the KME" };

    public Option<FileInfo> Cert { get; } = new("--cert") { Description = "This SAE's certificate (PEM)" };

    public Option<FileInfo> Key { get; } = new("--key") { Description = "This SAE's private key (PEM)" };

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Command AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, Certs, As, Ca, Cert, Key, Json })
        {
            command.Options.Add(option);
        }

        Url.Check(r => Uri.TryCreate(r.GetValue(Url), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? null : $"--url '{r.GetValue(Url)}' is not an https URL");
        command.Require(r =>
        {
            var pair = r.GetValue(Certs) is not null && r.GetValue(As) is not null;
            return (r.GetValue(Ca) is not null || r.GetValue(Certs) is not null) && (r.GetValue(Cert) is not null || pair) && (r.GetValue(Key) is not null || pair)
                ? null : "give --certs DIR --as SAE_ID, or --ca, --cert and --key";
        });
        return command;
    }

    /// <summary>Makes one call to the KME and returns its 200 answer.</summary>
    /// <exception cref="QuanetException">The KME answered with an error, or nothing answered at the URL.</exception>
    public async Task<T> CallAsync<T>(CommandContext ctx, Func<KmeClient, Task<KmeResponse<T>>> call)
        where T : class
    {
        var (url, certificate, ca) = Resolve(ctx);
        using var client = new KmeClient(url, certificate, ca);
        KmeResponse<T> response;
        try
        {
            response = await call(client);
        }
        catch (HttpRequestException ex)
        {
            throw new QuanetException(ex.HttpRequestError switch
            {
                HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError => $"no KME answers at {url} ({ex.InnerException?.Message ?? ex.Message})",
                HttpRequestError.SecureConnectionError => $"KME at {url}: the TLS handshake failed (a certificate was refused): {ex.InnerException?.Message ?? ex.Message}",
                _ => $"KME at {url}: {ex.Message}",
            });
        }

        return response.Value ?? throw new QuanetException($"KME answered {response.StatusCode}: {response.Error?.Message ?? "(no Error body)"}"
            + (response.Error?.Details is { Count: > 0 } details ? " (" + string.Join("; ", details.SelectMany(d => d.Select(p => $"{p.Key}: {p.Value}"))) + ")" : ""));
    }

    /// <summary>This SAE's ID: <c>--as</c>, or the subject CN of <c>--cert</c>.</summary>
    public string SaeId(CommandContext ctx) =>
        ctx.Get(As) ?? Resolve(ctx).Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    private (Uri Url, X509Certificate2 Certificate, X509Certificate2 Ca) Resolve(CommandContext ctx)
    {
        var folder = ctx.Get(Certs)?.FullName;
        var sae = ctx.Get(As);
        var ca = ctx.Get(Ca)?.FullName ?? (folder is null ? null : Path.Combine(folder, "ca.crt"));
        var cert = ctx.Get(Cert)?.FullName ?? (folder is null || sae is null ? null : Path.Combine(folder, sae + ".crt"));
        var key = ctx.Get(Key)?.FullName ?? (folder is null || sae is null ? null : Path.Combine(folder, sae + ".key"));
        // the parser has checked that the URL is https and that the three files are named (AddTo)
        var url = new Uri(ctx.Get(Url)!, UriKind.Absolute);
        return (url, CertificateFiles.LoadCertificateWithKey(cert!, key!), CertificateFiles.LoadCertificate(ca!));
    }
}
