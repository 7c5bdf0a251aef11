using System.Globalization;

namespace Quanet.Core.Units;

/// <summary>A carrier frequency: finite and positive.</summary>
public readonly record struct Frequency
{
    /// <summary>Creates a frequency of <paramref name="hertz"/> Hz.</summary>
    /// <param name="hertz">The frequency in hertz, finite and > 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hertz"/> is zero, negative, NaN or infinite.</exception>
    public Frequency(double hertz) => Hertz = UnitCheck.Positive(hertz, hertz, "frequency", "Hz", nameof(hertz));

    /// <summary>The frequency in hertz.</summary>
    /// <value>Finite and > 0 for every constructed value (only <c>default</c> holds 0).</value>
    public double Hertz { get; }

    /// <summary>The frequency in megahertz.</summary>
    public double Megahertz => Hertz / 1e6;

    /// <summary>The frequency in gigahertz.</summary>
    public double Gigahertz => Hertz / 1e9;

    /// <summary>A frequency given in megahertz.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="megahertz"/> is zero, negative, NaN, infinite or too large.</exception>
    public static Frequency FromMegahertz(double megahertz) => new(UnitCheck.Positive(megahertz * 1e6, megahertz, "frequency", "MHz", nameof(megahertz)));

    /// <summary>A frequency given in gigahertz.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gigahertz"/> is zero, negative, NaN, infinite or too large.</exception>
    public static Frequency FromGigahertz(double gigahertz) => new(UnitCheck.Positive(gigahertz * 1e9, gigahertz, "frequency", "GHz", nameof(gigahertz)));

    /// <inheritdoc />
    public override string ToString() => Megahertz.ToString("0.###", CultureInfo.InvariantCulture) + " MHz";
}
