using System.Globalization;

namespace Quanet.Core.Units;

/// <summary>A level or gain in decibels (dB, dBm or dBi, by context); keeps dB values apart from linear ones. Always finite.</summary>
public readonly record struct Decibels : IComparable<Decibels>
{
    /// <summary>Creates a decibel value.</summary>
    /// <param name="value">The value in decibels, finite (any sign).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public Decibels(double value) => Value = UnitCheck.Finite(value, "decibel value", nameof(value));

    /// <summary>The value in decibels.</summary>
    /// <value>Finite; 0 for <c>default</c>.</value>
    public double Value { get; }

    /// <summary>Sum of two decibel values (a gain applied to a level).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sum overflows.</exception>
    public static Decibels operator +(Decibels a, Decibels b) => new(a.Value + b.Value);

    /// <summary>Difference of two decibel values (a loss applied to a level).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The difference overflows.</exception>
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ratio"/> is zero, negative, NaN or infinite.</exception>
    public static Decibels FromPowerRatio(double ratio) =>
        new(10 * Math.Log10(UnitCheck.Positive(ratio, ratio, "power ratio", string.Empty, nameof(ratio))));

    /// <inheritdoc />
    public int CompareTo(Decibels other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.00", CultureInfo.InvariantCulture) + " dB";
}
