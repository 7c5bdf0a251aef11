using System.Text.Json;
using Quanet.Core;

namespace Quanet.Kme.Configuration;

/// <summary>Reads and validates <see cref="KmeOptions"/> from an appsettings-style JSON file (<c>{ "Kme": { ... } }</c>).</summary>
public static class KmeOptionsLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads <paramref name="path"/>; relative file names inside are resolved against its folder.</summary>
    /// <exception cref="InputFormatException">The file is not valid JSON or lacks the <c>Kme</c> section.</exception>
    /// <exception cref="QuanetException">The settings are inconsistent (all problems in one message).</exception>
    public static KmeOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        KmeOptions? options;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var section = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Kme", out var kme)
                ? kme
                : throw new InputFormatException(path, 0, "expected a top-level \"Kme\" object");
            options = section.Deserialize<KmeOptions>(Options);
        }
        catch (JsonException ex)
        {
            // System.Text.Json names its own types ("could not be converted to Quanet.Kme..."): name the setting instead
            var reason = ex.Path is { } at && ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? $"Kme{at.TrimStart('$')}: a value of the wrong type"
                : ex.Message;
            throw new InputFormatException(path, (int)(ex.LineNumber ?? 0) + 1, reason);
        }

        // "Saes": null and friends deserialize to null and would fail later as a null reference
        var missing = new[] { ("Saes", options?.Saes is null), ("Supply", options?.Supply is null), ("Store", options?.Store is null), ("Links", options?.Links is null), ("NetworkLinks", options?.NetworkLinks is null) }
            .Where(f => options is not null && f.Item2).Select(f => f.Item1).ToList();
        if (options?.Saes is { } saes && saes.Any(s => s is null))
        {
            missing.Add("an entry of Saes");
        }

        if (missing.Count > 0)
        {
            throw new InputFormatException(path, 0, $"{string.Join(", ", missing)} must not be null");
        }

        if (options is null)
        {
            throw new InputFormatException(path, 0, "\"Kme\" must be an object");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        options.CaCertificate = Resolve(folder, options.CaCertificate);
        options.CrlFile = Resolve(folder, options.CrlFile);
        options.Certificate = Resolve(folder, options.Certificate);
        options.PrivateKey = Resolve(folder, options.PrivateKey);
        options.StorePath = Resolve(folder, options.StorePath);
        options.StoreKeyFile = Resolve(folder, options.StoreKeyFile);
        options.Supply.SigningKeyFile = Resolve(folder, options.Supply.SigningKeyFile);
        options.Supply.PeerVerifyKeyFile = Resolve(folder, options.Supply.PeerVerifyKeyFile);
        Validate(options, path);
        return options;
    }

    /// <summary>Checks <paramref name="options"/>; throws one <see cref="QuanetException"/> listing every problem.</summary>
    public static void Validate(KmeOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KmeId))
        {
            problems.Add("KmeId is required");
        }

        if (!ListenAddress.TryParse(options.Listen, out _))
        {
            problems.Add($"Listen '{options.Listen}' is not HOST:PORT");
        }

        foreach (var (name, file) in new[] { ("CaCertificate", options.CaCertificate), ("Certificate", options.Certificate), ("PrivateKey", options.PrivateKey) })
        {
            if (string.IsNullOrEmpty(file))
            {
                problems.Add($"{name} is required");
            }
        }

        if (options.ClientCertificates is not ("require" or "allow"))
        {
            problems.Add($"ClientCertificates must be 'require' or 'allow', not '{options.ClientCertificates}'");
        }

        if (options.Durability is not ("full" or "normal"))
        {
            problems.Add($"Durability must be 'full' or 'normal', not '{options.Durability}'");
        }

        if (options.Saes.Count == 0)
        {
            problems.Add("Saes must list at least one SAE");
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { options.KmeId };
        ValidateLinks(options, known, problems);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sae in options.Saes)
        {
            if (string.IsNullOrWhiteSpace(sae.Id) || !ids.Add(sae.Id))
            {
                problems.Add($"SAE ID '{sae.Id}' is empty or listed twice");
            }

            var kme = string.IsNullOrEmpty(sae.Kme) ? options.KmeId : sae.Kme;
            if (!known.Contains(kme))
            {
                problems.Add($"SAE '{sae.Id}' is attached to '{kme}', which is neither this KME, a neighbour, nor a KME of NetworkLinks");
            }
        }

        if (options.DefaultKeySize % 8 != 0 || options.MinKeySize % 8 != 0 || options.MaxKeySize % 8 != 0
            || options.MinKeySize <= 0 || options.MinKeySize > options.DefaultKeySize || options.DefaultKeySize > options.MaxKeySize)
        {
            problems.Add("key sizes must be positive multiples of 8 with MinKeySize <= DefaultKeySize <= MaxKeySize");
        }

        if (options.MaxKeyPerRequest <= 0 || options.MaxKeyCount <= 0 || options.MaxSaeIdCount < 0)
        {
            problems.Add("MaxKeyPerRequest and MaxKeyCount must be positive, MaxSaeIdCount not negative");
        }

        if (options.Supply.Mode is not ("qkd" or "pqc"))
        {
            problems.Add($"Supply.Mode must be 'qkd' or 'pqc', not '{options.Supply.Mode}'");
        }
        else if (options.Supply.Mode == "pqc" && (string.IsNullOrEmpty(options.PeerKmeId) || options.Links.Count > 0
            || string.IsNullOrEmpty(options.Supply.SigningKeyFile) || string.IsNullOrEmpty(options.Supply.PeerVerifyKeyFile)))
        {
            problems.Add("Supply.Mode 'pqc' needs PeerKmeId (one link, no Links), Supply.SigningKeyFile and Supply.PeerVerifyKeyFile");
        }

        if (!(options.Supply.RateBitsPerSecond > 0) || options.Supply.TickMilliseconds <= 0 || options.Supply.BlocksPerAgreement <= 0)
        {
            problems.Add("Supply.RateBitsPerSecond, TickMilliseconds and BlocksPerAgreement must be positive");
        }

        if (options.Store is null || options.Store.Kind is not ("sqlite" or "postgresql"))
        {
            problems.Add($"Store.Kind must be 'sqlite' or 'postgresql', not '{options.Store?.Kind}'");
        }
        else if (options.Store.Kind == "postgresql" && string.IsNullOrWhiteSpace(options.Store.ConnectionString))
        {
            problems.Add("Store.Kind 'postgresql' needs Store.ConnectionString");
        }

        if (options.KeyExpirySeconds < 0)
        {
            problems.Add($"KeyExpirySeconds must be 0 (never) or positive, got {options.KeyExpirySeconds}");
        }

        if (string.IsNullOrEmpty(options.StoreKey) && string.IsNullOrEmpty(options.StoreKeyFile))
        {
            problems.Add("StoreKey or StoreKeyFile is required (the AES-256 key for key material at rest)");
        }

        if (problems.Count > 0)
        {
            throw new QuanetException($"{source}: {string.Join("; ", problems)}");
        }
    }

    /// <summary>Checks <see cref="KmeOptions.Links"/>, the PeerKmeId shorthand and <see cref="KmeOptions.NetworkLinks"/>; adds every KME they name to <paramref name="known"/>.</summary>
    private static void ValidateLinks(KmeOptions options, HashSet<string> known, List<string> problems)
    {
        var links = new List<LinkOptions>(options.Links);
        if (!string.IsNullOrEmpty(options.PeerKmeId))
        {
            links.Insert(0, new LinkOptions { PeerKmeId = options.PeerKmeId, PeerUrl = options.PeerUrl });
        }

        var neighbours = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (link is null || string.IsNullOrWhiteSpace(link.PeerKmeId) || link.PeerKmeId == options.KmeId || !neighbours.Add(link.PeerKmeId))
            {
                problems.Add($"link to '{link?.PeerKmeId}': the peer KME ID is empty, this KME, or listed twice");
                continue;
            }

            known.Add(link.PeerKmeId);
            if (!Uri.TryCreate(link.PeerUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"PeerUrl '{link.PeerUrl}' of the link to '{link.PeerKmeId}' is not an absolute https URL");
            }
        }

        foreach (var pair in options.NetworkLinks)
        {
            if (pair is not [var a, var b] || string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) || a == b)
            {
                problems.Add($"NetworkLinks entry [{(pair is null ? "" : string.Join(", ", pair))}] is not a pair of two different KME IDs");
                continue;
            }

            known.Add(a);
            known.Add(b);
        }

        if (options.RelayTimeoutMilliseconds <= 0)
        {
            problems.Add($"RelayTimeoutMilliseconds must be positive, got {options.RelayTimeoutMilliseconds}");
        }

        if (!string.IsNullOrEmpty(options.ControllerUrl) && (!Uri.TryCreate(options.ControllerUrl, UriKind.Absolute, out var controller) || controller.Scheme != Uri.UriSchemeHttps || string.IsNullOrWhiteSpace(options.ControllerId)))
        {
            problems.Add($"ControllerUrl '{options.ControllerUrl}' is not an absolute https URL, or ControllerId is empty");
        }

        if (options.RelayPoolKeys < 0)
        {
            problems.Add($"RelayPoolKeys must be 0 (no pre-relay) or positive, got {options.RelayPoolKeys}");
        }
    }

    private static string Resolve(string folder, string file) =>
        string.IsNullOrEmpty(file) ? file : Path.GetFullPath(Path.Combine(folder, file));
}
