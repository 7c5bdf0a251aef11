using System.Numerics;

namespace Quanet.Optimization.Sampling.Bifurcation;

// the SIMD kernels of one symplectic-Euler step
internal sealed partial class BifurcationBatch
{
    private static void SignsOf(Vector<float>[] x, Vector<float>[] signs)
    {
        var one = Vector<float>.One;
        for (var k = 0; k < x.Length; k++)
        {
            signs[k] = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x[k], Vector<float>.Zero), one, -one);
        }
    }

    // y_i += (-(a0 - a(t)) x_i + c0 (sum_j J_ij s_j + h_i)) dt, s = x (bSB) or sign(x) (dSB);
    // four vectors of replicas at a time so the accumulators stay in registers
    private void Momenta(Vector<float>[] source, float detuning, float dt)
    {
        var lanes = _lanes;
        var l = 0;
        for (; l + 4 <= lanes; l += 4)
        {
            MomentaOf4(source, l, detuning, dt);
        }

        for (; l < lanes; l++)
        {
            MomentaOf1(source, l, detuning, dt);
        }
    }

    private void MomentaOf4(Vector<float>[] source, int lane, float detuning, float dt)
    {
        var lanes = _lanes;
        var c0 = new Vector<float>(C0);
        var loss = new Vector<float>(detuning);
        var step = new Vector<float>(dt);
        var x = _x;
        var y = _y;
        for (var i = 0; i < _n; i++)
        {
            var a0 = new Vector<float>(_fields[i]);
            var a1 = a0;
            var a2 = a0;
            var a3 = a0;
            var end = _rowStart[i + 1];
            for (var k = _rowStart[i]; k < end; k++)
            {
                var w = new Vector<float>(_weights[k]);
                var from = (_neighbors[k] * lanes) + lane;
                a0 += w * source[from];
                a1 += w * source[from + 1];
                a2 += w * source[from + 2];
                a3 += w * source[from + 3];
            }

            var at = (i * lanes) + lane;
            y[at] += ((c0 * a0) - (loss * x[at])) * step;
            y[at + 1] += ((c0 * a1) - (loss * x[at + 1])) * step;
            y[at + 2] += ((c0 * a2) - (loss * x[at + 2])) * step;
            y[at + 3] += ((c0 * a3) - (loss * x[at + 3])) * step;
        }
    }

    private void MomentaOf1(Vector<float>[] source, int lane, float detuning, float dt)
    {
        var lanes = _lanes;
        var c0 = new Vector<float>(C0);
        var loss = new Vector<float>(detuning);
        var step = new Vector<float>(dt);
        for (var i = 0; i < _n; i++)
        {
            var acc = new Vector<float>(_fields[i]);
            var end = _rowStart[i + 1];
            for (var k = _rowStart[i]; k < end; k++)
            {
                acc += new Vector<float>(_weights[k]) * source[(_neighbors[k] * lanes) + lane];
            }

            var at = (i * lanes) + lane;
            _y[at] += ((c0 * acc) - (loss * _x[at])) * step;
        }
    }

    // x_i += a0 y_i dt, then the inelastic walls: |x_i| > 1 puts x_i at sign(x_i) and stops it (y_i = 0)
    private void Positions(float dt)
    {
        var step = new Vector<float>(A0 * dt);
        var one = Vector<float>.One;
        for (var k = 0; k < _x.Length; k++)
        {
            var x = _x[k] + (step * _y[k]);
            var outside = Vector.GreaterThan(Vector.Abs(x), one);
            _x[k] = Vector.Min(Vector.Max(x, -one), one);
            _y[k] = Vector.ConditionalSelect(outside, Vector<float>.Zero, _y[k]);
        }
    }
}
