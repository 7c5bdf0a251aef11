namespace Quanet.Defence.Response;

/// <summary>What the response policy decided for an incident.</summary>
public enum ResponseKind
{
    /// <summary>Tell the NOC; change nothing.</summary>
    AlertOnly,

    /// <summary>Filter or rate-limit the attacking actor on its interconnect (ACL on the source, SCCP GT screening, prefix filter).</summary>
    RateLimit,

    /// <summary>Sever the interconnect (shut the peering / link) after the blast-radius check proved customer traffic keeps a path.</summary>
    Isolate,

    /// <summary>Isolation was wanted but would cut customer traffic: a human must approve.</summary>
    AwaitApproval,
}
