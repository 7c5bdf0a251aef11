namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>The gate basis <see cref="PhysicalOpenQasm"/> writes.</summary>
public enum QasmBasis
{
    /// <summary>{h, rx, rz, cx}: the circuit's own gates.</summary>
    Standard,

    /// <summary>
    /// {rz, sx, cx}, IBM's single-qubit basis (x is not needed): h = rz(pi/2) sx rz(pi/2) and
    /// rx(t) = rz(pi/2) sx rz(t + pi) sx rz(pi/2), both up to a global phase; cx stays (Eagle's ecr is cx up to
    /// single-qubit gates, which IBM's own transpiler inserts).
    /// </summary>
    Ibm,
}
