using System.Buffers.Binary;
using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Quanet.Core;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Population;

/// <summary>
/// Writes a single-band population GeoTIFF (north-up, PixelIsArea) in a projected EPSG CRS, EPSG:4326 or ESRI:54009
/// (as GDAL does: a user-defined projected CRS with the ESRI WKT in the citation), in any sample type the reader takes,
/// in strips or tiles: the example raster, the tests' files and the benchmark's synthetic country.
/// </summary>
internal sealed record PopulationRasterWriter
{
    /// <summary>The CRS code: 4326 (geographic), 54009 (Mollweide) or a projected EPSG code.</summary>
    public required int Crs { get; init; }

    /// <summary>x of the raster's west edge, CRS units.</summary>
    public required double Left { get; init; }

    /// <summary>y of the raster's north edge, CRS units.</summary>
    public required double Top { get; init; }

    /// <summary>Pixel width and height, CRS units.</summary>
    public required double PixelSize { get; init; }

    /// <summary>The sample type. <value>Default float32.</value></summary>
    public RasterSamples.Kind Kind { get; init; } = RasterSamples.Kind.Float32;

    /// <summary>Tile edge in pixels (a multiple of 16), or 0 for strips of 16 rows. <value>Default 0.</value></summary>
    public int TileSize { get; init; }

    /// <summary>GDAL_NODATA, or null for none.</summary>
    public double? NoData { get; init; }

    /// <summary>Deflate compression. <value>Default true.</value></summary>
    public bool Deflate { get; init; } = true;

    /// <summary>Writes <paramref name="values"/> (row-major from the north-west, <paramref name="width"/> per row) to <paramref name="path"/>.</summary>
    /// <exception cref="QuanetException">The file cannot be written.</exception>
    public void Write(string path, double[] values, int width)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(values);
        var height = values.Length / width;
        LibTiffErrors.Clear();
        using var tiff = Tiff.Open(path, "w") ?? throw new QuanetException($"{path}: cannot be written" + LibTiffErrors.Suffix());
        var size = RasterSamples.Size(Kind);
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.BITSPERSAMPLE, size * 8);
        tiff.SetField(TiffTag.SAMPLEFORMAT, Kind switch
        {
            RasterSamples.Kind.Float32 or RasterSamples.Kind.Float64 => SampleFormat.IEEEFP,
            RasterSamples.Kind.Int8 or RasterSamples.Kind.Int16 or RasterSamples.Kind.Int32 => SampleFormat.INT,
            _ => SampleFormat.UINT,
        });
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, Deflate ? Compression.DEFLATE : Compression.NONE);
        tiff.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, 3, new[] { PixelSize, PixelSize, 0.0 });
        tiff.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, 6, new[] { 0.0, 0.0, 0.0, Left, Top, 0.0 });
        WriteKeys(tiff);
        if (NoData is { } nd)
        {
            tiff.SetField(TiffTag.GDAL_NODATA, nd.ToString(CultureInfo.InvariantCulture));
        }

        if (TileSize > 0)
        {
            WriteTiles(tiff, path, values, width, height, size);
        }
        else
        {
            WriteStrips(tiff, path, values, width, height, size);
        }
    }

    private void WriteKeys(Tiff tiff)
    {
        short[] keys = Crs switch
        {
            4326 => [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326],
            54009 => [1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 1026, unchecked((short)34737), 0, 0, 3072, 0, 1, 32767],
            _ => [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, unchecked((short)Crs)],
        };
        if (Crs == 54009)
        {
            const string Wkt = "World_Mollweide|ESRI PE String = PROJCS[\"World_Mollweide\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Mollweide\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",0.0],UNIT[\"Meter\",1.0]]|";
            keys[14] = (short)Wkt.Length;
            tiff.SetField(TiffTag.GEOTIFF_GEOASCIIPARAMSTAG, Wkt);
        }

        tiff.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, keys.Length, keys);
    }

    private void WriteStrips(Tiff tiff, string path, double[] values, int width, int height, int size)
    {
        const int RowsPerStrip = 16;
        tiff.SetField(TiffTag.ROWSPERSTRIP, RowsPerStrip);
        var buffer = new byte[RowsPerStrip * width * size];
        for (int s = 0, row = 0; row < height; s++, row += RowsPerStrip)
        {
            var rows = Math.Min(RowsPerStrip, height - row);
            for (var k = 0; k < rows * width; k++)
            {
                Encode(values[(row * width) + k], buffer.AsSpan(k * size));
            }

            if (tiff.WriteEncodedStrip(s, buffer, rows * width * size) < 0)
            {
                throw new QuanetException($"{path}: strip {s} could not be written" + LibTiffErrors.Suffix());
            }
        }
    }

    private void WriteTiles(Tiff tiff, string path, double[] values, int width, int height, int size)
    {
        tiff.SetField(TiffTag.TILEWIDTH, TileSize);
        tiff.SetField(TiffTag.TILELENGTH, TileSize);
        var buffer = new byte[TileSize * TileSize * size];
        for (var y = 0; y < height; y += TileSize)
        {
            for (var x = 0; x < width; x += TileSize)
            {
                Array.Clear(buffer);
                for (var ty = 0; ty < TileSize && y + ty < height; ty++)
                {
                    for (var tx = 0; tx < TileSize && x + tx < width; tx++)
                    {
                        Encode(values[((y + ty) * width) + x + tx], buffer.AsSpan(((ty * TileSize) + tx) * size));
                    }
                }

                if (tiff.WriteTile(buffer, x, y, 0, 0) < 0)
                {
                    throw new QuanetException($"{path}: tile {x},{y} could not be written" + LibTiffErrors.Suffix());
                }
            }
        }
    }

    private void Encode(double v, Span<byte> target)
    {
        switch (Kind)
        {
            case RasterSamples.Kind.Int8: target[0] = (byte)(sbyte)v; break;
            case RasterSamples.Kind.UInt8: target[0] = (byte)v; break;
            case RasterSamples.Kind.Int16: BinaryPrimitives.WriteInt16LittleEndian(target, (short)v); break;
            case RasterSamples.Kind.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)v); break;
            case RasterSamples.Kind.Int32: BinaryPrimitives.WriteInt32LittleEndian(target, (int)v); break;
            case RasterSamples.Kind.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)v); break;
            case RasterSamples.Kind.Float32: BinaryPrimitives.WriteSingleLittleEndian(target, (float)v); break;
            default: BinaryPrimitives.WriteDoubleLittleEndian(target, v); break;
        }
    }
}
