namespace Quanet.Optimization.Qubo;

/// <summary>The domain of a model's variables.</summary>
public enum Vartype
{
    /// <summary>QUBO form: variables take 0 or 1.</summary>
    Binary,

    /// <summary>Ising form: variables take -1 or +1.</summary>
    Spin,
}
