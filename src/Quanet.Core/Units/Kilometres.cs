using System.Globalization;

namespace Quanet.Core.Units;

/// <summary>A length or distance in kilometres (a fibre span, a link): finite and never negative.</summary>
public readonly record struct Kilometres
{
    /// <summary>Creates a length of <paramref name="value"/> kilometres.</summary>
    /// <param name="value">The length in km, finite and >= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public Kilometres(double value) => Value = UnitCheck.Length(value, value, "km", nameof(value), "distance");

    /// <summary>The length in kilometres.</summary>
    /// <value>Finite and >= 0; 0 for <c>default</c>.</value>
    public double Value { get; }

    /// <summary>The same length as a <see cref="Metres"/> value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is too large to be expressed in metres.</exception>
    public Metres ToMetres() => Metres.FromKilometres(Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture) + " km";
}
