using System.Globalization;

namespace Quanet.Core.Units;

/// <summary>A length or distance in metres: finite and never negative.</summary>
public readonly record struct Metres : IComparable<Metres>
{
    /// <summary>Creates a length of <paramref name="value"/> metres.</summary>
    /// <param name="value">The length in metres, finite and >= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public Metres(double value) => Value = UnitCheck.Length(value, value, "m", nameof(value));

    /// <summary>The length in metres.</summary>
    /// <value>Finite and >= 0; 0 for <c>default</c>.</value>
    public double Value { get; }

    /// <summary>The length in kilometres.</summary>
    public double Kilometres => Value / 1000;

    /// <summary>A length given in kilometres.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilometres"/> is negative, NaN, infinite or too large for metres.</exception>
    public static Metres FromKilometres(double kilometres) => new(UnitCheck.Length(kilometres * 1000, kilometres, "km", nameof(kilometres)));

    /// <summary>Ordering.</summary>
    public static bool operator <(Metres a, Metres b) => a.Value < b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >(Metres a, Metres b) => a.Value > b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Metres a, Metres b) => a.Value <= b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Metres a, Metres b) => a.Value >= b.Value;

    /// <summary>The same length as a <see cref="Units.Kilometres"/> value.</summary>
    public Kilometres ToKilometres() => new(Value / 1000);

    /// <inheritdoc />
    public int CompareTo(Metres other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " m";
}
