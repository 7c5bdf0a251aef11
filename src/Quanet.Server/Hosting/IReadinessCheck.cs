namespace Quanet.Server.Hosting;

/// <summary>A store an area needs, checked by <c>/readyz</c>: register one per store as a singleton.</summary>
internal interface IReadinessCheck
{
    /// <summary>What is checked, for the answer of a failed check.</summary>
    string Name { get; }

    /// <summary>Opens and reads the store; throws when it cannot.</summary>
    void Check();
}
