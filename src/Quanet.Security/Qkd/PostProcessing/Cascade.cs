using System.Runtime.InteropServices;
using Quanet.Security.Qkd.Simulation;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// The Cascade information-reconciliation protocol (Brassard and Salvail 1993) with the block
/// schedule of <see cref="CascadeOptions"/>. Bob corrects his key by asking Alice for parities of
/// blocks of shuffled keys; every parity Alice discloses is counted as leaked. After each
/// correction the blocks of earlier passes that contain the flipped bit are searched again
/// (the cascade effect).
/// </summary>
public static class Cascade
{
    /// <summary>Reconciles <paramref name="bob"/> with <paramref name="alice"/> (one bit per byte).</summary>
    /// <param name="alice">Alice's key; only parities of it are used.</param>
    /// <param name="bob">Bob's noisy key of the same length.</param>
    /// <param name="estimatedQber">The error rate estimated in parameter estimation; sets the block sizes.</param>
    /// <param name="seed">Seed of the public shuffles.</param>
    /// <param name="options">Block schedule; the defaults of <see cref="CascadeOptions"/> when null.</param>
    /// <exception cref="ArgumentException">Keys of different length, or an error rate outside (0, 0.5).</exception>
    public static CascadeResult Reconcile(ReadOnlySpan<byte> alice, ReadOnlySpan<byte> bob, double estimatedQber, ulong seed, CascadeOptions? options = null)
    {
        if (alice.Length != bob.Length)
        {
            throw new ArgumentException($"keys differ in length: Alice {alice.Length}, Bob {bob.Length}");
        }

        if (!(estimatedQber > 0 && estimatedQber < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(estimatedQber), estimatedQber, "estimated QBER must be in (0, 0.5)");
        }

        options ??= new CascadeOptions();
        var session = new Session(alice.ToArray(), bob.ToArray(), estimatedQber, seed, options);
        session.Run();
        return new CascadeResult(session.Bob, session.Leaked, session.Corrections, options.Passes);
    }

    private sealed class Session(byte[] alice, byte[] bob, double qber, ulong seed, CascadeOptions options)
    {
        private readonly int _n = alice.Length;
        private readonly List<Pass> _passes = [];
        private readonly Stack<(int Pass, int Block)> _pending = new();

        public byte[] Bob { get; } = bob;

        public long Leaked { get; private set; }

        public int Corrections { get; private set; }

        public void Run()
        {
            if (_n < 2)
            {
                return;
            }

            var random = new Xoshiro256(seed);
            for (var p = 0; p < options.Passes; p++)
            {
                var pass = new Pass(alice, Bob, options.BlockSize(p, _n, qber), random);
                _passes.Add(pass);
                for (var b = 0; b < pass.Blocks; b++)
                {
                    Leaked++; // Alice discloses the parity of every top-level block
                    if (pass.ErrorParity[b] != 0)
                    {
                        _pending.Push((p, b));
                    }
                }

                Drain();
            }
        }

        private void Drain()
        {
            while (_pending.Count > 0)
            {
                var (p, b) = _pending.Pop();
                var pass = _passes[p];
                if (pass.ErrorParity[b] == 0)
                {
                    continue;
                }

                var start = b * pass.BlockSize;
                var end = Math.Min(_n, start + pass.BlockSize);
                while (end - start > 1)
                {
                    var middle = start + ((end - start) / 2);
                    Leaked++; // parity of the left half; the right half's follows from the block's
                    if (pass.AliceParity(start, middle) != pass.BobParity(start, middle))
                    {
                        end = middle;
                    }
                    else
                    {
                        start = middle;
                    }
                }

                Flip(pass.Order[start]);
            }
        }

        private void Flip(int index)
        {
            Bob[index] ^= 1;
            Corrections++;
            for (var q = 0; q < _passes.Count; q++)
            {
                var pass = _passes[q];
                var position = pass.Position[index];
                pass.Bits[position] ^= 1;
                var block = position / pass.BlockSize;
                pass.ErrorParity[block] ^= 1;
                if (pass.ErrorParity[block] != 0)
                {
                    _pending.Push((q, block));
                }
            }
        }
    }

    /// <summary>One shuffled view of the keys: Alice's prefix parities and Bob's bits in pass order.</summary>
    private sealed class Pass
    {
        public Pass(byte[] alice, byte[] bob, int blockSize, Xoshiro256 random)
        {
            var n = alice.Length;
            BlockSize = blockSize;
            Blocks = (n + blockSize - 1) / blockSize;
            Order = new int[n];
            for (var i = 0; i < n; i++)
            {
                Order[i] = i;
            }

            for (var i = n - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (Order[i], Order[j]) = (Order[j], Order[i]);
            }

            Position = new int[n];
            Bits = new byte[n];
            _alicePrefix = new byte[n + 1];
            for (var i = 0; i < n; i++)
            {
                var original = Order[i];
                Position[original] = i;
                Bits[i] = bob[original];
                _alicePrefix[i + 1] = (byte)(_alicePrefix[i] ^ alice[original]);
            }

            ErrorParity = new byte[Blocks];
            for (var b = 0; b < Blocks; b++)
            {
                var start = b * blockSize;
                var end = Math.Min(n, start + blockSize);
                ErrorParity[b] = (byte)(AliceParity(start, end) ^ BobParity(start, end));
            }
        }

        private readonly byte[] _alicePrefix;

        public int BlockSize { get; }

        public int Blocks { get; }

        /// <summary>Original index of each position in this pass.</summary>
        public int[] Order { get; }

        /// <summary>Position in this pass of each original index.</summary>
        public int[] Position { get; }

        /// <summary>Bob's current bits in this pass's order.</summary>
        public byte[] Bits { get; }

        /// <summary>Parity of Alice's block minus Bob's, per block (1 = odd number of errors).</summary>
        public byte[] ErrorParity { get; }

        public int AliceParity(int start, int end) => _alicePrefix[start] ^ _alicePrefix[end];

        public int BobParity(int start, int end) => XorBytes(Bits.AsSpan(start, end - start));
    }

    /// <summary>Parity of a run of 0/1 bytes, eight at a time.</summary>
    internal static int XorBytes(ReadOnlySpan<byte> bits)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bits);
        ulong acc = 0;
        for (var i = 0; i < words.Length; i++)
        {
            acc ^= words[i];
        }

        for (var i = words.Length * 8; i < bits.Length; i++)
        {
            acc ^= bits[i];
        }

        acc ^= acc >> 32;
        acc ^= acc >> 16;
        acc ^= acc >> 8;
        return (int)(acc & 1);
    }
}
