using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Reporting;

/// <summary>An SVG canvas in a region's local plane (north up, metres scaled to pixels); layers append elements.</summary>
public sealed class SvgMap
{
    private readonly StringBuilder _svg = new();
    private readonly double _minX;
    private readonly double _maxY;

    /// <summary>Creates a canvas <paramref name="width"/> pixels wide framing <paramref name="frame"/> (plane metres) with a margin.</summary>
    public SvgMap(LocalProjection projection, Envelope frame, double width)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(frame);
        Projection = projection;
        var margin = 0.04 * Math.Max(frame.Width, frame.Height);
        _minX = frame.MinX - margin;
        _maxY = frame.MaxY + margin;
        Scale = width / (frame.Width + (2 * margin));
        Width = width;
        Height = (frame.Height + (2 * margin)) * Scale;
    }

    /// <summary>The plane.</summary>
    public LocalProjection Projection { get; }

    /// <summary>Pixels per metre.</summary>
    public double Scale { get; }

    /// <summary>Canvas width, px.</summary>
    public double Width { get; }

    /// <summary>Canvas height, px.</summary>
    public double Height { get; }

    /// <summary>The SVG elements drawn so far.</summary>
    public string Content => _svg.ToString();

    /// <summary>Pixel position of a geographic point.</summary>
    public (double X, double Y) ToPixel(GeoPoint p)
    {
        var (x, y) = Projection.Forward(p);
        return ToPixel(x, y);
    }

    /// <summary>Pixel position of a plane point.</summary>
    public (double X, double Y) ToPixel(double x, double y) => ((x - _minX) * Scale, (_maxY - y) * Scale);

    /// <summary>Appends a raw SVG element (caller escapes text).</summary>
    public void Append(string element) => _svg.Append(element).Append('\n');

    /// <summary>Draws a plane-metre polygonal geometry as one path (even-odd fill keeps holes).</summary>
    public void Path(Geometry plane, string cssClass)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var d = new StringBuilder();
        for (var g = 0; g < plane.NumGeometries; g++)
        {
            if (plane.GetGeometryN(g) is Polygon polygon)
            {
                Ring(d, polygon.ExteriorRing);
                foreach (var hole in polygon.InteriorRings)
                {
                    Ring(d, hole);
                }
            }
        }

        Append($"<path class=\"{cssClass}\" fill-rule=\"evenodd\" d=\"{d}\"/>");
    }

    /// <summary>Draws a circle of <paramref name="radiusMetres"/> around a geographic point.</summary>
    public void CircleMetres(GeoPoint centre, double radiusMetres, string cssClass, string? title = null) =>
        Circle(centre, radiusMetres * Scale, cssClass, title);

    /// <summary>Draws a circle of <paramref name="radiusPixels"/> around a geographic point.</summary>
    public void Circle(GeoPoint centre, double radiusPixels, string cssClass, string? title = null)
    {
        var (x, y) = ToPixel(centre);
        Append(title is null
            ? $"<circle class=\"{cssClass}\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(radiusPixels)}\"/>"
            : $"<circle class=\"{cssClass}\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(radiusPixels)}\"><title>{Html.Escape(title)}</title></circle>");
    }

    /// <summary>Formats a pixel coordinate.</summary>
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private void Ring(StringBuilder d, LineString ring)
    {
        var coords = ring.Coordinates;
        for (var i = 0; i < coords.Length; i++)
        {
            var (x, y) = ToPixel(coords[i].X, coords[i].Y);
            d.Append(i == 0 ? 'M' : 'L').Append(F(x)).Append(',').Append(F(y));
        }

        d.Append('Z');
    }
}
