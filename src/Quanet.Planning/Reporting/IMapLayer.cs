namespace Quanet.Planning.Reporting;

/// <summary>A layer of the report's SVG map (drawn in ascending <see cref="Order"/>).</summary>
public interface IMapLayer
{
    /// <summary>Legend name.</summary>
    string Name { get; }

    /// <summary>Drawing order: region 0, coverage 10, backhaul 20, demand 30, sites 40.</summary>
    int Order { get; }

    /// <summary>Legend swatch as an SVG fragment drawn in a 16 x 16 box, or null for no legend entry.</summary>
    string? LegendSwatch { get; }

    /// <summary>Draws the layer.</summary>
    void Draw(SvgMap map);
}
