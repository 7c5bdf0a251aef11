using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>The butterfly kernels of <see cref="AdditiveFft"/>.</summary>
internal static partial class AdditiveFft
{
    private static readonly Lazy<(Vector256<ulong> Level2, Vector256<ulong> Level1)> LowestTwiddles = new(() =>
        (Vector256.Create(0, 0, Twiddle(1), Twiddle(1)), Vector256.Create(0, Twiddle(2), Twiddle(1), Twiddle(3))));

    // pairs (start + k, start + h + k) for k < width, twiddle c. Forward: low += c high; high += low.
    // Inverse: the two steps undone in reverse order.
    private static void Butterflies(ulong[] f, long start, int h, int width, ulong c, bool forward)
    {
        var k = 0;
        if (Gf264.HasVectorMultiply && width >= 4)
        {
            ref var rf = ref MemoryMarshal.GetArrayDataReference(f);
            var vc = Vector256.Create(c);
            for (; k + 4 <= width; k += 4)
            {
                var il = (nuint)(start + k);
                var ih = il + (nuint)h;
                var low = Vector256.LoadUnsafe(ref rf, il);
                var high = Vector256.LoadUnsafe(ref rf, ih);
                Butterfly(ref low, ref high, vc, forward);
                low.StoreUnsafe(ref rf, il);
                high.StoreUnsafe(ref rf, ih);
            }
        }

        for (; k < width; k++)
        {
            var il = start + k;
            var ih = il + h;
            if (forward)
            {
                f[il] ^= Gf264.Multiply(f[ih], c);
                f[ih] ^= f[il];
            }
            else
            {
                f[ih] ^= f[il];
                f[il] ^= Gf264.Multiply(f[ih], c);
            }
        }
    }

    // the words a = start + k, b = a + quarter, c = a + 2 quarter, d = a + 3 quarter through level r
    // (pairs a-c, b-d, twiddle t) and level r - 1 (a-b with t0, c-d with t1); width a multiple of 4
    private static void FourWayButterflies(ulong[] f, long start, int quarter, int width, ulong t, ulong t0, ulong t1, bool forward)
    {
        ref var rf = ref MemoryMarshal.GetArrayDataReference(f);
        var c = Vector256.Create(t);
        var c0 = Vector256.Create(t0);
        var c1 = Vector256.Create(t1);
        for (var k = 0; k < width; k += 4)
        {
            var ia = (nuint)(start + k);
            var ib = ia + (nuint)quarter;
            var ic = ib + (nuint)quarter;
            var id = ic + (nuint)quarter;
            var a = Vector256.LoadUnsafe(ref rf, ia);
            var b = Vector256.LoadUnsafe(ref rf, ib);
            var cc = Vector256.LoadUnsafe(ref rf, ic);
            var d = Vector256.LoadUnsafe(ref rf, id);
            if (forward)
            {
                a ^= Gf264.MultiplyPairsV256(cc, c);
                cc ^= a;
                b ^= Gf264.MultiplyPairsV256(d, c);
                d ^= b;
                a ^= Gf264.MultiplyPairsV256(b, c0);
                b ^= a;
                cc ^= Gf264.MultiplyPairsV256(d, c1);
                d ^= cc;
            }
            else
            {
                b ^= a;
                a ^= Gf264.MultiplyPairsV256(b, c0);
                d ^= cc;
                cc ^= Gf264.MultiplyPairsV256(d, c1);
                cc ^= a;
                a ^= Gf264.MultiplyPairsV256(cc, c);
                d ^= b;
                b ^= Gf264.MultiplyPairsV256(d, c);
            }

            a.StoreUnsafe(ref rf, ia);
            b.StoreUnsafe(ref rf, ib);
            cc.StoreUnsafe(ref rf, ic);
            d.StoreUnsafe(ref rf, id);
        }
    }

    // levels 2 and 1 of every 8 words of the chunk at offset (local >= 3); a group's twiddles are the chunk's plus
    // the local ones (a twiddle is linear in the block index's bits)
    private static void LowestLevelsOfChunk(ulong[] f, long offset, int local, bool forward)
    {
        var (level2, level1) = LowestTwiddles.Value;
        var chunk2 = Twiddle(offset >> 2);
        var chunk1 = Twiddle(offset >> 1);
        var table2 = LocalTwiddles(local - 2);
        var table1 = LocalTwiddles(local - 1);
        for (var g = 0; g < 1 << local; g += 8)
        {
            var t2 = Vector256.Create(chunk2 ^ table2[g >> 2]) ^ level2; // blocks start/4, start/4 + 1 (lanes 0-1, 2-3)
            var t1 = Vector256.Create(chunk1 ^ table1[g >> 1]) ^ level1; // blocks 0, 2, 1, 3 after start/2 (lane order of the unpack)
            LowestLevels(f, offset + g, t2, t1, forward);
        }
    }

    // levels 2 and 1 of the 8 words at start (a multiple of 8) in two registers: level 2 pairs the
    // 128-bit lanes (words 0-1 with 2-3, 4-5 with 6-7), level 1 the even and odd words
    private static void LowestLevels(ulong[] f, long start, Vector256<ulong> t2, Vector256<ulong> t1, bool forward)
    {
        ref var rf = ref MemoryMarshal.GetArrayDataReference(f);
        var v0 = Vector256.LoadUnsafe(ref rf, (nuint)start);
        var v1 = Vector256.LoadUnsafe(ref rf, (nuint)start + 4);
        if (forward)
        {
            Level2(ref v0, ref v1, t2, forward);
            Level1(ref v0, ref v1, t1, forward);
        }
        else
        {
            Level1(ref v0, ref v1, t1, forward);
            Level2(ref v0, ref v1, t2, forward);
        }

        v0.StoreUnsafe(ref rf, (nuint)start);
        v1.StoreUnsafe(ref rf, (nuint)start + 4);
    }

    private static void Level2(ref Vector256<ulong> v0, ref Vector256<ulong> v1, Vector256<ulong> t, bool forward)
    {
        var low = Avx2.Permute2x128(v0, v1, 0x20);
        var high = Avx2.Permute2x128(v0, v1, 0x31);
        Butterfly(ref low, ref high, t, forward);
        v0 = Avx2.Permute2x128(low, high, 0x20);
        v1 = Avx2.Permute2x128(low, high, 0x31);
    }

    private static void Level1(ref Vector256<ulong> v0, ref Vector256<ulong> v1, Vector256<ulong> t, bool forward)
    {
        var low = Avx2.UnpackLow(v0, v1);
        var high = Avx2.UnpackHigh(v0, v1);
        Butterfly(ref low, ref high, t, forward);
        v0 = Avx2.UnpackLow(low, high);
        v1 = Avx2.UnpackHigh(low, high);
    }

    // four butterflies, lane i with twiddle t[i]
    private static void Butterfly(ref Vector256<ulong> low, ref Vector256<ulong> high, Vector256<ulong> t, bool forward)
    {
        if (forward)
        {
            low ^= Gf264.MultiplyPairsV256(high, t);
            high ^= low;
        }
        else
        {
            high ^= low;
            low ^= Gf264.MultiplyPairsV256(high, t);
        }
    }
}
