namespace Quanet.Kme.Configuration;

/// <summary>Everything a KME needs to run (the <c>Kme</c> section of an appsettings-style JSON file).</summary>
public sealed class KmeOptions
{
    /// <summary>This KME's ID (its server certificate's subject CN).</summary>
    public string KmeId { get; set; } = "";

    /// <summary>Listen address, <c>HOST:PORT</c>; port 0 picks a free port.</summary>
    /// <value>Default <c>127.0.0.1:8443</c>.</value>
    public string Listen { get; set; } = "127.0.0.1:8443";

    /// <summary>PEM file of the only CA trusted for SAE and KME certificates.</summary>
    public string CaCertificate { get; set; } = "";

    /// <summary>
    /// Certificate revocation list (PEM or DER) signed by the CA, checked on every request and read again when the
    /// file changes; empty for none. <value>Default empty.</value>
    /// </summary>
    public string CrlFile { get; set; } = "";

    /// <summary>PEM file of this KME's certificate (server and KME-to-KME client).</summary>
    public string Certificate { get; set; } = "";

    /// <summary>PEM file of this KME's private key.</summary>
    public string PrivateKey { get; set; } = "";

    /// <summary>
    /// <c>allow</c>: the TLS handshake completes and every request without a certificate of the configured CA
    /// (none, another CA's, an SAE or KME not in the table) is answered 401 with an ETSI Error body, as
    /// GS QKD 014 specifies; <c>require</c>: such a client is refused in the TLS handshake already.
    /// </summary>
    /// <value>Default <c>allow</c> (the standard's 401); <c>require</c> is stricter and gives clients only a TLS error.</value>
    public string ClientCertificates { get; set; } = "allow";

    /// <summary>The SAE table.</summary>
    public IList<SaeEntry> Saes { get; set; } = [];

    /// <summary>The peer KME's ID (the other end of the link); empty for a single KME. Shorthand for one entry of <see cref="Links"/>.</summary>
    public string PeerKmeId { get; set; } = "";

    /// <summary>The peer KME's base URL, e.g. <c>https://127.0.0.1:8444</c>.</summary>
    public string PeerUrl { get; set; } = "";

    /// <summary>
    /// The QKD links of this KME to its neighbours, each with its own key pool filled at <see cref="KeySupplyOptions.RateBitsPerSecond"/>
    /// (in addition to <see cref="PeerKmeId"/> when that is set).
    /// </summary>
    public IList<LinkOptions> Links { get; set; } = [];

    /// <summary>
    /// Every QKD link of the network as pairs of KME IDs (<c>[["KME_1", "KME_2"], ...]</c>), for routing keys to SAEs
    /// attached to KMEs that are not neighbours (trusted relay). This KME's own links need not be listed.
    /// </summary>
    public IList<string[]> NetworkLinks { get; set; } = [];

    /// <summary>
    /// How long a relayed key request may try paths before it is answered 503, in milliseconds (a failed link is
    /// routed around within this time).
    /// </summary>
    /// <value>Default 2,000.</value>
    public int RelayTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Base URL of the network's SDN controller (e.g. <c>https://127.0.0.1:8440</c>), which computes relay paths
    /// from every link's state; empty for none. When it cannot be reached the KME routes on its own.
    /// </summary>
    /// <value>Default empty.</value>
    public string ControllerUrl { get; set; } = "";

    /// <summary>The controller's ID: the subject CN its server certificate must carry. <value>Default <c>CONTROLLER</c>.</value></summary>
    public string ControllerId { get; set; } = "CONTROLLER";

    /// <summary>
    /// Keys of the default size this KME keeps relayed ahead for each (master SAE, slave SAE) pair that asked for
    /// keys across a relay: filled in the background in batches at the rate the links allow, so that enc_keys for
    /// such a pair is a local draw and the slave's KME already holds the key. 0 relays every request synchronously.
    /// </summary>
    /// <value>Default 0.</value>
    public int RelayPoolKeys { get; set; }

    /// <summary>Which database holds the pool and pending keys: SQLite (default) or PostgreSQL.</summary>
    public StoreOptions Store { get; set; } = new();

    /// <summary>SQLite database file of the key store (when <see cref="StoreOptions.Kind"/> is <c>sqlite</c>).</summary>
    public string StorePath { get; set; } = "kme.db";

    /// <summary>Base64 of the 32-byte AES-256-GCM key that encrypts key material at rest.</summary>
    public string StoreKey { get; set; } = "";

    /// <summary>File holding the base64 store key, used when <see cref="StoreKey"/> is empty.</summary>
    public string StoreKeyFile { get; set; } = "";

    /// <summary>
    /// <c>full</c>: every commit is fsynced before the answer (SQLite <c>synchronous=FULL</c>), so no key is lost or
    /// handed out twice even after a power cut; <c>normal</c>: WAL writes reach the OS before the answer but are
    /// fsynced only at checkpoints (<c>synchronous=NORMAL</c>): still safe against a process crash (kill -9),
    /// not against a power cut, and much faster on disks with slow fsync. With the PostgreSQL store, <c>normal</c>
    /// sets <c>synchronous_commit=off</c> for the KME's sessions: safe against a crash of the KME, not of the
    /// database server.
    /// </summary>
    /// <value>Default <c>full</c>.</value>
    public string Durability { get; set; } = "full";

    /// <summary>
    /// Seconds a handed-out key waits for its slave SAEs: a key some slave has not fetched with dec_keys within
    /// this time after the master got it (an orphan: the slave never asked, or its SAE is gone) is deleted.
    /// 0 keeps such keys for ever.
    /// </summary>
    /// <value>Default 86,400 (one day).</value>
    public int KeyExpirySeconds { get; set; } = 86_400;

    /// <summary>Default key size in bits.</summary>
    /// <value>Default 256.</value>
    public int DefaultKeySize { get; set; } = 256;

    /// <summary>Smallest key size in bits.</summary>
    /// <value>Default 64.</value>
    public int MinKeySize { get; set; } = 64;

    /// <summary>Largest key size in bits.</summary>
    /// <value>Default 4096.</value>
    public int MaxKeySize { get; set; } = 4096;

    /// <summary>Largest number of keys in one request.</summary>
    /// <value>Default 128.</value>
    public int MaxKeyPerRequest { get; set; } = 128;

    /// <summary>Pool capacity in keys of the default size, per link.</summary>
    /// <value>Default 100,000.</value>
    public long MaxKeyCount { get; set; } = 100_000;

    /// <summary>Largest number of additional slave SAEs in one request.</summary>
    /// <value>Default 8.</value>
    public int MaxSaeIdCount { get; set; } = 8;

    /// <summary>
    /// Groups concurrent hand-overs of new keys to the peer KME into shared calls (default). Not a setting of the
    /// config file: the benchmark turns it off to measure the one-call-per-request baseline.
    /// </summary>
    internal bool GroupPeerHandOver { get; set; } = true;

    /// <summary>Where the keys come from.</summary>
    public KeySupplyOptions Supply { get; set; } = new();
}
