using Microsoft.Win32.SafeHandles;

namespace Quanet.Optimization.Steiner.Lp;

/// <summary>Owns one CLP model (Clp_Simplex*); released by Clp_deleteModel.</summary>
internal sealed class ClpHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ClpHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        ClpNative.Clp_deleteModel(handle);
        return true;
    }
}
