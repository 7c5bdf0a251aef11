namespace Quanet.Kme.Relay;

internal sealed partial class RelayService
{
    /// <summary>Why a relay message from <paramref name="sender"/> cannot be taken, or null if it can.</summary>
    private string? Problem(string sender, RelayMessage message)
    {
        var self = _directory.Self;
        var path = message.Path ?? [];
        var position = path.IndexOf(self);
        if (position < 1 || path[position - 1] != sender || path.Distinct(StringComparer.Ordinal).Count() != path.Count)
        {
            return $"{self}: path {string.Join('>', path)} does not lead from {sender} to {self}";
        }

        var last = position == path.Count - 1;
        if (!last && !_directory.IsNeighbour(path[position + 1]))
        {
            return $"{self}: {path[position + 1]} is not a neighbour";
        }

        if (_directory.KmeOf(message.Master ?? "") != path[0] || message.Slaves is not { Count: > 0 }
            || message.Slaves.Any(s => _directory.KmeOf(s ?? "") != path[^1]))
        {
            return $"{self}: master or slave SAEs are not attached to the ends of the path";
        }

        var ids = message.KeyIds ?? [];
        if (ids.Count < 1 || ids.Count > _options.MaxKeyPerRequest || ids.Any(id => !Guid.TryParseExact(id, "D", out var g) || g.ToString("D") != id)
            || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            return $"{self}: key_IDs must be 1 to {_options.MaxKeyPerRequest} distinct UUIDs";
        }

        if (message.SizeBits % 8 != 0 || message.SizeBits < _options.MinKeySize || message.SizeBits > _options.MaxKeySize)
        {
            return $"{self}: key size {message.SizeBits} is not allowed";
        }

        var blocks = ids.Count * Storage.PoolBlocks.BlocksFor(message.SizeBits);
        return message.Blocks?.Count != blocks || message.Ciphertext is null || message.Ciphertext.Length != ((blocks * Storage.PoolBlocks.BlockBytes) + 2) / 3 * 4
            ? $"{self}: the pad must be {blocks} blocks and the ciphertext as long"
            : null;
    }
}
