using System.Globalization;

namespace Quanet.Planning.Units;

/// <summary>A length or distance in metres.</summary>
/// <param name="Value">The length in metres.</param>
public readonly record struct Metres(double Value) : IComparable<Metres>
{
    /// <summary>The length in kilometres.</summary>
    public double Kilometres => Value / 1000;

    /// <summary>A length given in kilometres.</summary>
    public static Metres FromKilometres(double kilometres) => new(kilometres * 1000);

    /// <summary>Ordering.</summary>
    public static bool operator <(Metres a, Metres b) => a.Value < b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >(Metres a, Metres b) => a.Value > b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Metres a, Metres b) => a.Value <= b.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Metres a, Metres b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Metres other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " m";
}
