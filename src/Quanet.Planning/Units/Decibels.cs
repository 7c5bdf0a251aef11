using System.Globalization;

namespace Quanet.Planning.Units;

/// <summary>A level or gain in decibels (dB, dBm or dBi, by context); keeps dB values apart from linear ones.</summary>
/// <param name="Value">The value in decibels.</param>
public readonly record struct Decibels(double Value) : IComparable<Decibels>
{
    /// <summary>Sum of two decibel values (a gain applied to a level).</summary>
    public static Decibels operator +(Decibels a, Decibels b) => new(a.Value + b.Value);

    /// <summary>Difference of two decibel values (a loss applied to a level).</summary>
    public static Decibels operator -(Decibels a, Decibels b) => new(a.Value - b.Value);

    /// <summary>Negation.</summary>
    public static Decibels operator -(Decibels a) => new(-a.Value);

    /// <summary>Ordering.</summary>
    public static bool operator <(Decibels a, Decibels b) => a.Value < b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >(Decibels a, Decibels b) => a.Value > b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Decibels a, Decibels b) => a.Value <= b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Decibels a, Decibels b) => a.Value >= b.Value;

    /// <summary>The decibel value of a linear power ratio: 10 log10(ratio).</summary>
    public static Decibels FromPowerRatio(double ratio) => new(10 * Math.Log10(ratio));

    /// <inheritdoc />
    public int CompareTo(Decibels other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.00", CultureInfo.InvariantCulture) + " dB";
}
