using System.Globalization;

namespace Quanet.Security.Qkd;

/// <summary>A fibre length in kilometres.</summary>
/// <param name="Value">Length in km (never negative).</param>
public readonly record struct Kilometres(double Value)
{
    /// <summary>Creates a length, rejecting negative or non-finite values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Kilometres Of(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"distance must be a finite number of km >= 0, got {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return new Kilometres(value);
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture) + " km";
}
