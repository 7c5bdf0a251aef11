namespace Quanet.Operations.Ingestion;

/// <summary>One named value of a VES measurement event (<c>additionalMeasurements[].hashMap</c>).</summary>
/// <param name="Group">The named hash map's <c>name</c> (e.g. the cell id).</param>
/// <param name="Name">The key inside the hash map (e.g. <c>prb_utilisation</c>).</param>
/// <param name="Value">The value parsed as a number (NaN when it is not numeric).</param>
public readonly record struct VesMeasurement(string Group, string Name, double Value);
