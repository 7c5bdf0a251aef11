using System.Globalization;

namespace Quanet.Planning.Units;

/// <summary>A carrier frequency.</summary>
/// <param name="Hertz">The frequency in hertz.</param>
public readonly record struct Frequency(double Hertz)
{
    /// <summary>The frequency in megahertz.</summary>
    public double Megahertz => Hertz / 1e6;

    /// <summary>The frequency in gigahertz.</summary>
    public double Gigahertz => Hertz / 1e9;

    /// <summary>A frequency given in megahertz.</summary>
    public static Frequency FromMegahertz(double megahertz) => new(megahertz * 1e6);

    /// <summary>A frequency given in gigahertz.</summary>
    public static Frequency FromGigahertz(double gigahertz) => new(gigahertz * 1e9);

    /// <inheritdoc />
    public override string ToString() => Megahertz.ToString("0.###", CultureInfo.InvariantCulture) + " MHz";
}
