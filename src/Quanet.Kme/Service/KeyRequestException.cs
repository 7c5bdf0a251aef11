using Quanet.Kme.Storage;

namespace Quanet.Kme.Service;

/// <summary>A Get key request with one or more invalid fields (400); the details go into the Error body.</summary>
internal sealed class KeyRequestException(IList<IDictionary<string, string>> details)
    : Exception("bad key request")
{
    public IList<IDictionary<string, string>> Details { get; } = details;

    public DeliveryError Error => DeliveryError.BadRequest;
}
