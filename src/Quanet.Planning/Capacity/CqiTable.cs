namespace Quanet.Planning.Capacity;

/// <summary>
/// A 4-bit CQI table: the spectral efficiency (information bits per resource element, bit/s/Hz) of CQI 1-15. Its first
/// entry is the floor of a served user, its last the ceiling of the spectral efficiency.
/// </summary>
public sealed class CqiTable
{
    private readonly double[] _efficiency;

    private CqiTable(string name, string source, double[] efficiency)
    {
        Name = name;
        Source = source;
        _efficiency = efficiency;
    }

    /// <summary>LTE: 3GPP TS 36.213 Table 7.2.3-1 (QPSK to 64QAM).</summary>
    public static CqiTable Lte { get; } = new("lte", "3GPP TS 36.213 Table 7.2.3-1",
        [0.1523, 0.2344, 0.3770, 0.6016, 0.8770, 1.1758, 1.4766, 1.9141, 2.4063, 2.7305, 3.3223, 3.9023, 4.5234, 5.1152, 5.5547]);

    /// <summary>NR with 256QAM: 3GPP TS 38.214 Table 5.2.2.1-3.</summary>
    public static CqiTable Nr256 { get; } = new("nr-256qam", "3GPP TS 38.214 Table 5.2.2.1-3",
        [0.1523, 0.3770, 0.8770, 1.4766, 1.9141, 2.4063, 2.7305, 3.3223, 3.9023, 4.5234, 5.1152, 5.5547, 6.2266, 6.9141, 7.4063]);

    /// <summary>The lowest carrier of an NR band in this model, MHz: the C-band (n77/n78) and above use <see cref="Nr256"/>.</summary>
    public const double NrFromMegahertz = 3000;

    /// <summary>Short name (lte, nr-256qam).</summary>
    public string Name { get; }

    /// <summary>The table's source.</summary>
    public string Source { get; }

    /// <summary>Number of CQI values (15).</summary>
    public int Count => _efficiency.Length;

    /// <summary>Spectral efficiency of CQI 1, bit/s/Hz: below it a user is not served.</summary>
    public double MinEfficiency => _efficiency[0];

    /// <summary>Spectral efficiency of CQI 15, bit/s/Hz: the ceiling.</summary>
    public double MaxEfficiency => _efficiency[^1];

    /// <summary>The table of a carrier: <see cref="Nr256"/> from <see cref="NrFromMegahertz"/>, else <see cref="Lte"/>.</summary>
    public static CqiTable ForBand(double megahertz) => megahertz >= NrFromMegahertz ? Nr256 : Lte;

    /// <summary>Spectral efficiency of CQI <paramref name="cqi"/> (1-15), bit/s/Hz.</summary>
    public double Efficiency(int cqi)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cqi, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cqi, _efficiency.Length);
        return _efficiency[cqi - 1];
    }

    /// <summary>The highest CQI whose efficiency is at most <paramref name="efficiency"/>, or 0 below CQI 1.</summary>
    public int Cqi(double efficiency)
    {
        var cqi = 0;
        while (cqi < _efficiency.Length && _efficiency[cqi] <= efficiency + 1e-12)
        {
            cqi++;
        }

        return cqi;
    }
}
