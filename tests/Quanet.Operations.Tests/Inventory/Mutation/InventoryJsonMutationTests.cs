using CsCheck;
using Quanet.Operations.Inventory;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Operations.Tests.Inventory.Mutation;

/// <summary>
/// Hostile mutants of an inventory as <see cref="InventoryJson.Write"/> makes it through <see cref="InventoryJson.Parse"/>:
/// each either reads or refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class InventoryJsonMutationTests
{
    private const int Iterations = 200;

    [Fact]
    public void Inventory_reader_survives_mutants() =>
        InputMutations.Of(InventoryJson.Write(SyntheticInventory.Create(3, seed: 5)))
            .Sample(input => HostileInput.Check(input, b => InventoryJson.Parse(HostileInput.Text(b), "inventory.json")), iter: Iterations, threads: 1);
}
