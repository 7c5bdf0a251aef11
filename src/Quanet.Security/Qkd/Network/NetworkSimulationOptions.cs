namespace Quanet.Security.Qkd.Network;

/// <summary>How the trusted-node network is simulated.</summary>
public sealed record NetworkSimulationOptions
{
    /// <summary>Link physics used to compute each link's key rate.</summary>
    public QkdLinkParameters Link { get; init; } = QkdLinkParameters.Gys;

    /// <summary>Key-rate bound used for the links.</summary>
    /// <value><see cref="QkdProtocol.VacuumWeak"/></value>
    public QkdProtocol Protocol { get; init; } = QkdProtocol.VacuumWeak;

    /// <summary>Simulated time in seconds.</summary>
    /// <value>3600</value>
    public double DurationSeconds { get; init; } = 3600;

    /// <summary>Time step in seconds.</summary>
    /// <value>1</value>
    public double StepSeconds { get; init; } = 1;

    /// <summary>Size of one key request (an AES-256 key by default).</summary>
    /// <value>256</value>
    public int RequestBits { get; init; } = 256;

    /// <summary>Capacity of each link's key pool in bits.</summary>
    /// <value>1e8</value>
    public double PoolCapacityBits { get; init; } = 1e8;

    /// <summary>Key in each pool at the start, in bits.</summary>
    /// <value>0</value>
    public double InitialPoolBits { get; init; }

    /// <summary>Seed of the request arrivals.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Link);
        Link.Validate();
        if (!(DurationSeconds > 0) || !(StepSeconds > 0) || StepSeconds > DurationSeconds)
        {
            throw new ArgumentException("duration and step must be > 0 s with step <= duration");
        }

        if (RequestBits < 1 || !(PoolCapacityBits >= RequestBits) || InitialPoolBits < 0 || InitialPoolBits > PoolCapacityBits)
        {
            throw new ArgumentException("request size must be >= 1 bit, pool capacity at least one request, initial pool within capacity");
        }
    }
}
