using Quanet.Security.Qkd.PostProcessing;

namespace Quanet.Security.Qkd.Simulation;

/// <summary>
/// Monte Carlo simulation of decoy-state BB84 with explicit bits: Alice's random bits, bases and
/// intensities; Poisson photon numbers thinned by the channel and detector; misalignment; two
/// detectors with independent dark counts (double clicks give a random bit); an optional
/// intercept-resend eavesdropper. Then sifting, parameter estimation with the vacuum+weak decoy
/// bounds, Cascade, verification by a 64-bit universal hash, and Toeplitz privacy amplification.
/// </summary>
public static class Bb84Simulator
{
    private const int VerificationTagBits = 64;

    /// <summary>Runs one round.</summary>
    /// <param name="parameters">Link, distance, block size and protocol settings.</param>
    /// <param name="cancellationToken">Stops the pulse loop.</param>
    /// <exception cref="ArgumentException">Invalid parameters.</exception>
    public static SimulationResult Run(SimulationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var link = parameters.Link;
        var mu = parameters.SignalIntensity
            ?? DecoyBb84Model.OptimalRate(link, QkdProtocol.VacuumWeak, parameters.Distance).Mu;
        var random = new Xoshiro256(parameters.Seed);
        var events = Transmit(parameters, mu, random, cancellationToken, out var sent);
        return PostProcess(parameters, mu, events, sent, random);
    }

    /// <summary>Event code: class (bits 0-1), Alice bit (2), Alice basis (3), Bob basis (4), Bob bit (5).</summary>
    private static List<byte> Transmit(SimulationParameters parameters, double mu, Xoshiro256 random, CancellationToken cancellationToken, out long[] sent)
    {
        var link = parameters.Link;
        var eta = link.Transmittance(parameters.Distance);
        double[] intensities = [mu, link.DecoyIntensity, 0];
        var arrival = new double[3];
        var nonEmpty = new double[3];
        for (var k = 0; k < 3; k++)
        {
            arrival[k] = DecoyBb84Model.OneMinusExp(eta * intensities[k]);
            nonEmpty[k] = DecoyBb84Model.OneMinusExp(intensities[k]);
        }

        // dark counts: each of two detectors fires with probability h = Y0 / 2, drawn with one number
        var h = link.DarkCountYield / 2;
        var darkOnlyZero = h * (1 - h);
        var darkOnlyOne = 2 * darkOnlyZero;
        var darkBoth = darkOnlyOne + (h * h);
        var vacuumBelow = parameters.VacuumProbability;
        var decoyBelow = vacuumBelow + parameters.DecoyProbability;
        var intercept = parameters.InterceptFraction;
        var misalignment = link.Misalignment;

        sent = new long[3];
        var events = new List<byte>((int)Math.Min(int.MaxValue / 2, (parameters.Pulses * (arrival[0] + link.DarkCountYield) * 1.2) + 1024));
        for (long i = 0; i < parameters.Pulses; i++)
        {
            if ((i & 0xFFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var bits = random.NextUInt64();
            var u = random.NextDouble();
            var cls = u < vacuumBelow ? 2 : u < decoyBelow ? 1 : 0;
            sent[cls]++;
            var aliceBit = (int)(bits & 1);
            var aliceBasis = (int)((bits >> 1) & 1);
            var bobBasis = (int)((bits >> 2) & 1);
            var photonBasis = aliceBasis;
            var photonBit = aliceBit;
            bool photon;
            if (intercept > 0 && random.NextDouble() < intercept)
            {
                // Eve measures every non-empty pulse in a random basis and resends one photon
                if (random.NextDouble() < nonEmpty[cls])
                {
                    var eveBasis = (int)((bits >> 3) & 1);
                    photonBasis = eveBasis;
                    photonBit = eveBasis == aliceBasis ? aliceBit : (int)((bits >> 4) & 1);
                    photon = random.NextDouble() < eta;
                }
                else
                {
                    photon = false;
                }
            }
            else
            {
                photon = random.NextDouble() < arrival[cls];
            }

            int zero = 0, one = 0;
            if (photon)
            {
                int outcome;
                if (bobBasis == photonBasis)
                {
                    outcome = random.NextDouble() < misalignment ? photonBit ^ 1 : photonBit;
                }
                else
                {
                    outcome = (int)((bits >> 5) & 1);
                }

                zero = outcome == 0 ? 1 : 0;
                one = outcome;
            }

            var dark = random.NextDouble();
            if (dark < darkBoth)
            {
                zero |= dark < darkOnlyZero || dark >= darkOnlyOne ? 1 : 0;
                one |= dark >= darkOnlyZero ? 1 : 0;
            }

            if (zero == 0 && one == 0)
            {
                continue;
            }

            var bobBit = zero == 1 && one == 1 ? (int)((bits >> 6) & 1) : one;
            events.Add((byte)(cls | (aliceBit << 2) | (aliceBasis << 3) | (bobBasis << 4) | (bobBit << 5)));
        }

        return events;
    }

    private static SimulationResult PostProcess(SimulationParameters parameters, double mu, List<byte> events, long[] sent, Xoshiro256 random)
    {
        var link = parameters.Link;
        var detections = new long[3];
        var sifted = new long[3];
        var siftedErrors = new long[3];
        var aliceKey = new List<byte>();
        var bobKey = new List<byte>();
        long sample = 0, sampleErrors = 0;
        foreach (var e in events)
        {
            var cls = e & 3;
            detections[cls]++;
            var aliceBit = (e >> 2) & 1;
            var bobBit = (e >> 5) & 1;
            if (((e >> 3) & 1) != ((e >> 4) & 1))
            {
                continue; // bases differ: discarded in sifting
            }

            sifted[cls]++;
            siftedErrors[cls] += aliceBit ^ bobBit;
            if (cls != 0)
            {
                continue; // decoy and vacuum bits are all disclosed for estimation
            }

            if (random.NextDouble() < parameters.SampleFraction)
            {
                sample++;
                sampleErrors += aliceBit ^ bobBit;
            }
            else
            {
                aliceKey.Add((byte)aliceBit);
                bobKey.Add((byte)bobBit);
            }
        }

        var gainSignal = (double)detections[0] / Math.Max(1, sent[0]);
        var gainDecoy = (double)detections[1] / Math.Max(1, sent[1]);
        var gainVacuum = (double)detections[2] / Math.Max(1, sent[2]);
        var qber = sample == 0 ? 0.5 : (double)sampleErrors / sample;
        var decoyQber = sifted[1] == 0 ? 0.5 : (double)siftedErrors[1] / sifted[1];

        // Ma, Qi, Zhao, Lo (2005), equations (34) and (37), with the measured Q_nu, E_nu, Q_mu and Y0 = Q_0
        var nu = link.DecoyIntensity;
        var y1 = mu / ((mu * nu) - (nu * nu)) *
            ((gainDecoy * Math.Exp(nu)) - (gainSignal * Math.Exp(mu) * nu * nu / (mu * mu)) - (((mu * mu) - (nu * nu)) / (mu * mu) * gainVacuum));
        var e1 = y1 > 0 ? Math.Clamp(((decoyQber * gainDecoy * Math.Exp(nu)) - (DecoyBb84Model.BackgroundError * gainVacuum)) / (y1 * nu), 0, 0.5) : 0.5;
        var q1 = Math.Max(0, y1) * mu * Math.Exp(-mu);
        var estimated = link.SiftingFactor * ((q1 * (1 - BinaryEntropy.Of(e1))) - (gainSignal * link.ErrorCorrectionEfficiency * BinaryEntropy.Of(qber)));

        var result = new SimulationResult
        {
            Mu = mu,
            Pulses = (sent[0], sent[1], sent[2]),
            Detections = (detections[0], detections[1], detections[2]),
            Gains = (gainSignal, gainDecoy, gainVacuum),
            SampledQber = qber,
            DecoyQber = decoyQber,
            SinglePhotonGain = q1,
            SinglePhotonError = e1,
            EstimatedRatePerPulse = estimated,
            RawKeyBits = aliceKey.Count,
        };

        if (qber > parameters.QberThreshold)
        {
            return result with { AbortReason = $"sampled QBER {qber:P2} exceeds the threshold {parameters.QberThreshold:P2}" };
        }

        if (!(y1 > 0) || e1 >= 0.5)
        {
            return result with { AbortReason = "decoy estimate leaves no single-photon detections to distil a key from" };
        }

        if (aliceKey.Count < 64)
        {
            return result with { AbortReason = $"only {aliceKey.Count} raw key bits" };
        }

        return Distil(parameters, result, aliceKey.ToArray(), bobKey.ToArray(), random);
    }

    private static SimulationResult Distil(SimulationParameters parameters, SimulationResult result, byte[] alice, byte[] bob, Xoshiro256 random)
    {
        var n = alice.Length;
        var trueErrors = 0;
        for (var i = 0; i < n; i++)
        {
            trueErrors += alice[i] ^ bob[i];
        }

        var cascade = Cascade.Reconcile(alice, bob, Math.Clamp(result.SampledQber, 1e-3, 0.25), random.NextUInt64());
        var alicePacked = BitString.Pack(alice);
        var bobPacked = BitString.Pack(cascade.Corrected);

        // verification: a random Toeplitz hash of both keys to 64 bits (collision probability 2^-64)
        var tagSeed = RandomWords(ToeplitzHash.SeedBits(n, VerificationTagBits), random);
        var verified = ToeplitzHash.Hash(alicePacked, n, tagSeed, VerificationTagBits)
            .AsSpan().SequenceEqual(ToeplitzHash.Hash(bobPacked, n, tagSeed, VerificationTagBits));

        // single-photon share of the signal detections, lower-bounded by the decoy estimate
        var singleFraction = Math.Min(1, result.SinglePhotonGain / result.Gains.Signal);
        var privacyCost = 2 * Math.Log2(1 / parameters.EpsilonPrivacy);
        var length = (long)Math.Floor((n * singleFraction * (1 - BinaryEntropy.Of(result.SinglePhotonError)))
            - cascade.LeakedBits - VerificationTagBits - privacyCost);
        var measured = result with
        {
            RawKeyQber = (double)trueErrors / n,
            LeakedBits = cascade.LeakedBits,
            ReconciliationEfficiency = cascade.Efficiency(n),
            Verified = verified,
        };

        if (!verified)
        {
            return measured with { AbortReason = "verification hashes differ after reconciliation" };
        }

        if (length <= 0)
        {
            return measured with { AbortReason = $"block too small: privacy amplification leaves {length} bits" };
        }

        var seed = RandomWords(ToeplitzHash.SeedBits(n, (int)length), random);
        var aliceFinal = ToeplitzHash.Hash(alicePacked, n, seed, (int)length);
        var bobFinal = ToeplitzHash.Hash(bobPacked, n, seed, (int)length);
        var total = result.Pulses.Signal + result.Pulses.Decoy + result.Pulses.Vacuum;
        return measured with
        {
            SecretKeyBits = length,
            SecretKeyRatePerPulse = (double)length / total,
            AliceKey = aliceFinal,
            BobKey = bobFinal,
        };
    }

    private static ulong[] RandomWords(long bits, Xoshiro256 random)
    {
        var words = new ulong[BitString.Words(bits)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = random.NextUInt64();
        }

        return words;
    }
}
