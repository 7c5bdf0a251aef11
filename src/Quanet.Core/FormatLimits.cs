using System.Globalization;
using System.Text;

namespace Quanet.Core;

/// <summary>
/// The bounds every file reader holds its input to, so that a few bytes declaring a huge size cannot
/// exhaust memory. Readers never allocate from a declared count alone: storage for records (edges,
/// couplers, rows) grows as they are read, from at most what the remaining input can hold, and counts
/// that need no records (vertices, variables, columns) are held to <see cref="MaxVariables"/>. Raise a limit with
/// <c>FormatLimits.Default with { MaxVariables = ... }</c> for inputs that are legitimately larger.
/// </summary>
public sealed record FormatLimits
{
    /// <summary>The limits used when a reader is given none.</summary>
    public static FormatLimits Default { get; } = new();

    /// <summary>The largest input a reader accepts, in bytes (characters for text already in memory).</summary>
    /// <value>256 MiB; the largest Gset, MQLib, SteinLib and OR-Library instances are a few tens of MiB.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public long MaxInputBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    }

    = 256L << 20;

    /// <summary>The most variables, vertices, nodes or columns a file may declare.</summary>
    /// <value>4,194,304 (2^22): above OR-Library's rail4284 (1,092,610 columns); a model this size takes about 0.5 GB.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int MaxVariables
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    }

    = 1 << 22;

    /// <summary>The deepest nesting of JSON objects and arrays a JSON reader accepts.</summary>
    /// <value>64, System.Text.Json's own default, made explicit; GeoJSON MultiPolygons need 6.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int MaxJsonDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    }

    = 64;

    /// <summary>Throws unless <paramref name="length"/> (bytes or characters of one input) is within <see cref="MaxInputBytes"/>.</summary>
    /// <exception cref="InputFormatException">The input is too large.</exception>
    public void RequireInputSize(long length, string fileName)
    {
        if (length > MaxInputBytes)
        {
            throw TooLarge(fileName);
        }
    }

    /// <summary>Throws unless <paramref name="declared"/> <paramref name="what"/> are within <see cref="MaxVariables"/>.</summary>
    /// <returns><paramref name="declared"/> as an <see cref="int"/>.</returns>
    /// <exception cref="InputFormatException">The count is over the limit.</exception>
    public int RequireVariables(long declared, string fileName, int line, string what)
    {
        if (declared > MaxVariables)
        {
            throw new InputFormatException(fileName, line, string.Create(
                CultureInfo.InvariantCulture,
                $"{declared} {what} is over the limit of {MaxVariables} (FormatLimits.MaxVariables)"));
        }

        return (int)declared;
    }

    /// <summary>Opens <paramref name="path"/> as UTF-8 text (byte order marks honoured) that stops with an error past <see cref="MaxInputBytes"/>.</summary>
    /// <exception cref="InputFormatException">The file is larger than the limit (when it is read that far).</exception>
    public StreamReader OpenText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = File.OpenRead(path);
        try
        {
            if (stream.CanSeek)
            {
                RequireInputSize(stream.Length, path);
            }

            return new StreamReader(new BoundedStream(stream, this, path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="stream"/> (standard input, a pipe) as UTF-8 text that stops with an error past <see cref="MaxInputBytes"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">More than the limit is read.</exception>
    public StreamReader OpenText(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new StreamReader(new BoundedStream(stream, this, name), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The whole of <paramref name="path"/> as text, as <see cref="File.ReadAllText(string)"/> but within <see cref="MaxInputBytes"/>.</summary>
    /// <exception cref="InputFormatException">The file is larger than the limit.</exception>
    public string ReadAllText(string path)
    {
        using var reader = OpenText(path);
        return reader.ReadToEnd();
    }

    /// <summary>The whole of <paramref name="path"/> as bytes, within <see cref="MaxInputBytes"/>.</summary>
    /// <exception cref="InputFormatException">The file is larger than the limit.</exception>
    public byte[] ReadAllBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        if (stream.CanSeek)
        {
            RequireInputSize(stream.Length, path);
        }

        using var bounded = new BoundedStream(stream, this, path);
        using var copy = new MemoryStream();
        bounded.CopyTo(copy);
        return copy.ToArray();
    }

    internal InputFormatException TooLarge(string fileName) => new(fileName, 0, string.Create(
        CultureInfo.InvariantCulture,
        $"the input is over the limit of {MaxInputBytes} bytes (FormatLimits.MaxInputBytes)"));
}
