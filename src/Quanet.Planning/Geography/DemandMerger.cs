using Quanet.Core;

namespace Quanet.Planning.Geography;

/// <summary>
/// Collects demand rows, merging rows at the same location into one point whose weight is their sum (the first row
/// keeps its id and name). Coverage depends on the location alone, so the objective is unchanged, while a file of
/// many identical rows costs memory and solver time for its distinct locations only.
/// </summary>
internal sealed class DemandMerger
{
    private readonly List<DemandPoint> _points = [];
    private readonly Dictionary<GeoPoint, int> _index = [];

    /// <summary>Adds one row; <paramref name="error"/> makes the error that names the row.</summary>
    /// <exception cref="InputFormatException">The merged weight at the row's location is no longer finite.</exception>
    public void Add(string id, string name, double weight, GeoPoint location, Func<string, InputFormatException> error)
    {
        if (_index.TryGetValue(location, out var at))
        {
            var total = _points[at].Weight + weight;
            if (!double.IsFinite(total))
            {
                throw error($"the weights at {location.Latitude}, {location.Longitude} add up beyond {double.MaxValue}");
            }

            _points[at] = _points[at] with { Weight = total };
            return;
        }

        _index.Add(location, _points.Count);
        _points.Add(new DemandPoint(id, name, weight, location));
    }

    /// <summary>The merged points, in the order their locations first appeared.</summary>
    public IReadOnlyList<DemandPoint> Points => _points;

    /// <summary>Rows added so far (merged or not); the default id of a row is <c>d</c> and its number.</summary>
    public int Rows { get; private set; }

    /// <summary>Counts a row before it is added.</summary>
    public int NextRow() => ++Rows;
}
