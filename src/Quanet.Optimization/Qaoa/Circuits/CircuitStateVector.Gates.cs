namespace Quanet.Optimization.Qaoa.Circuits;

public sealed partial class CircuitStateVector
{
    /// <summary>Pauli X (1), Y (2) or Z (3) on <paramref name="qubit"/>; 0 is the identity.</summary>
    public void Pauli(int qubit, int pauli)
    {
        if (pauli == 0)
        {
            return;
        }

        var bit = 1 << qubit;
        for (var k = 0; k < _re.Length >> 1; k++)
        {
            var a = Insert(k, bit);
            var b = a | bit;
            switch (pauli)
            {
                case 1:
                    (_re[a], _re[b]) = (_re[b], _re[a]);
                    (_im[a], _im[b]) = (_im[b], _im[a]);
                    break;
                case 2:
                    // Y|0> = i|1>, Y|1> = -i|0>
                    var (ar, ai, br, bi) = (_re[a], _im[a], _re[b], _im[b]);
                    (_re[a], _im[a]) = (bi, -br);
                    (_re[b], _im[b]) = (-ai, ar);
                    break;
                case 3:
                    _re[b] = -_re[b];
                    _im[b] = -_im[b];
                    break;
                default:
                    break;
            }
        }
    }

    private void Hadamard(int qubit)
    {
        var s = 1.0 / Math.Sqrt(2.0);
        var bit = 1 << qubit;
        for (var k = 0; k < _re.Length >> 1; k++)
        {
            var a = Insert(k, bit);
            var b = a | bit;
            var (ar, ai, br, bi) = (_re[a], _im[a], _re[b], _im[b]);
            _re[a] = s * (ar + br);
            _im[a] = s * (ai + bi);
            _re[b] = s * (ar - br);
            _im[b] = s * (ai - bi);
        }
    }

    private void Rx(int qubit, double theta)
    {
        // [[c, -i s], [-i s, c]] with c = cos(theta/2), s = sin(theta/2)
        var (s, c) = Math.SinCos(theta / 2.0);
        var bit = 1 << qubit;
        for (var k = 0; k < _re.Length >> 1; k++)
        {
            var a = Insert(k, bit);
            var b = a | bit;
            var (ar, ai, br, bi) = (_re[a], _im[a], _re[b], _im[b]);
            _re[a] = (c * ar) + (s * bi);
            _im[a] = (c * ai) - (s * br);
            _re[b] = (c * br) + (s * ai);
            _im[b] = (c * bi) - (s * ar);
        }
    }

    private void Rz(int qubit, double theta)
    {
        // |0> gets exp(-i theta/2), |1> gets exp(+i theta/2)
        var (s, c) = Math.SinCos(theta / 2.0);
        var bit = 1 << qubit;
        for (var z = 0; z < _re.Length; z++)
        {
            var sign = (z & bit) == 0 ? -s : s;
            var (re, im) = (_re[z], _im[z]);
            _re[z] = (re * c) - (im * sign);
            _im[z] = (re * sign) + (im * c);
        }
    }

    private void Cx(int control, int target)
    {
        var cbit = 1 << control;
        var tbit = 1 << target;
        var (low, high) = cbit < tbit ? (cbit, tbit) : (tbit, cbit);
        for (var k = 0; k < _re.Length >> 2; k++)
        {
            var a = Insert(Insert(k, low), high) | cbit;
            var b = a | tbit;
            (_re[a], _re[b]) = (_re[b], _re[a]);
            (_im[a], _im[b]) = (_im[b], _im[a]);
        }
    }

    // k with a 0 bit inserted at the position of the single set bit of bit
    private static int Insert(int k, int bit) => ((k & ~(bit - 1)) << 1) | (k & (bit - 1));
}
