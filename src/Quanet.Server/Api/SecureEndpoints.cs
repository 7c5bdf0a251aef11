using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Core;
using Quanet.Core.Units;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;
using Quanet.Server.Plans;
using Quanet.Server.Security;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;

namespace Quanet.Server.Api;

/// <summary>
/// Secure under <c>/api/v1</c>: the per-link QKD/PQC decisions of a plan, QKD key rate at one distance and over a
/// sweep, trusted-node placement on one link, and the read-only status of the configured KMEs. Each is the
/// library or workflow call <c>quanet secure</c> / <c>quanet qkd rate</c> makes.
/// </summary>
internal static class SecureEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id}/security", PlanSecurity).RequireAuthorization(Policies.Read).WithName("GetPlanSecurity").WithSummary("Per-link QKD/PQC decisions of a plan");
        api.MapPost("/secure/qkd/rate", Rate).RequireAuthorization(Policies.Read).WithName("QkdRate").WithSummary("QKD secret-key rate at one distance");
        api.MapPost("/secure/qkd/sweep", Sweep).RequireAuthorization(Policies.Read).WithName("QkdSweep").WithSummary("QKD secret-key rate over a distance sweep");
        api.MapPost("/secure/trusted-nodes", TrustedNodes).RequireAuthorization(Policies.Read).WithName("TrustedNodes").WithSummary("QKD direct, via trusted nodes, or PQC hybrid for one link");
        api.MapGet("/kmes", Kmes).RequireAuthorization(Policies.Read).WithName("ListKmes").WithSummary("Read-only status of the KMEs configured for this server");
    }

    private static async Task<IResult> PlanSecurity(string id, double? requiredRateBps, IPlanJobStore store, PlanJobRunner runner, CancellationToken ct)
    {
        if (!PlanEndpoints.IsId(id) || await store.GetAsync(id, ct) is not { } job || !PlanJobStatus.IsTerminal(job.Status))
        {
            return PlanEndpoints.NotFound($"no finished plan job '{id}'");
        }

        var directory = runner.JobDirectory(id);
        if (!PlanDirectory.HasBackhaul(directory))
        {
            return PlanEndpoints.NotFound($"plan job '{id}' has no backhaul to secure (submit it with \"backhaul\": {{}})");
        }

        try
        {
            var result = SecureWorkflow.Run(directory, new SecurityPolicy { RequiredRateBitsPerSecond = requiredRateBps ?? 10_000 }, ct);
            return Results.Text(SecurityJsonWriter.Document(result.Decisions).ToJsonString(), "application/json");
        }
        catch (ArgumentException ex)
        {
            return PlanEndpoints.BadRequest(ex.Message);
        }
        catch (QuanetException ex)
        {
            return PlanEndpoints.NotFound(ex.Message);
        }
    }

    private static IResult Rate(SecureLinkRequest request)
    {
        var problems = request.Problems("rate", out var protocol);
        return problems.Count > 0
            ? PlanEndpoints.BadRequest(string.Join("; ", problems))
            : Results.Json(Point(DecoyBb84Model.OptimalRate(request.Link ?? QkdLinkParameters.Gys, protocol, new Kilometres(request.DistanceKm!.Value))));
    }

    private static IResult Sweep(SecureLinkRequest request, CancellationToken ct)
    {
        var problems = request.Problems("sweep", out var protocol);
        if (problems.Count > 0)
        {
            return PlanEndpoints.BadRequest(string.Join("; ", problems));
        }

        var (from, to, step) = request.Sweep;
        var points = new List<object>();
        for (var i = 0; from + (i * step) <= to + 1e-9; i++)
        {
            ct.ThrowIfCancellationRequested();
            points.Add(Point(DecoyBb84Model.OptimalRate(request.Link ?? QkdLinkParameters.Gys, protocol, new Kilometres(from + (i * step)))));
        }

        var maximum = DecoyBb84Model.MaximumDistance(request.Link ?? QkdLinkParameters.Gys, protocol);
        return Results.Json(new { protocol = SecurityPolicy.ProtocolName(protocol), maximumDistanceKm = maximum?.Value, points });
    }

    private static IResult TrustedNodes(SecureLinkRequest request)
    {
        var problems = request.Problems("trusted-nodes", out var protocol);
        if (problems.Count > 0)
        {
            return PlanEndpoints.BadRequest(string.Join("; ", problems));
        }

        var planner = new LinkSecurityPlanner(request.Link ?? QkdLinkParameters.Gys, protocol, request.MaxTrustedNodes ?? 3);
        var d = planner.Decide(new Kilometres(request.DistanceKm!.Value), request.RequiredRateBps ?? 10_000);
        return Results.Json(new
        {
            mode = d.Mode.ToString(),
            lengthKm = d.LengthKm,
            directRateBps = d.DirectRateBitsPerSecond,
            trustedNodes = d.TrustedNodes,
            segmentKm = d.SegmentKm,
            keyRateBps = d.KeyRateBitsPerSecond,
            reason = d.Reason,
        });
    }

    // ETSI GS QKD 014 Get status where the server has an SAE identity at the KME, a TCP probe otherwise
    private static async Task<IResult> Kmes(KmeMonitor monitor, CancellationToken ct)
    {
        var kmes = (await monitor.StatusAsync(ct)).Select(k => new
        {
            name = k.Name,
            address = k.Address?.ToString(),
            state = k.State,
            reason = k.Reason,
            status = k.Status is not { } s ? null : new
            {
                sourceKmeId = s.SourceKmeId,
                targetKmeId = s.TargetKmeId,
                masterSaeId = s.MasterSaeId,
                slaveSaeId = s.SlaveSaeId,
                keySize = s.KeySize,
                storedKeyCount = s.StoredKeyCount,
                maxKeyCount = s.MaxKeyCount,
                maxKeyPerRequest = s.MaxKeyPerRequest,
                maxKeySize = s.MaxKeySize,
                minKeySize = s.MinKeySize,
            },
        });
        return Results.Json(new { kmes });
    }

    private static object Point(KeyRate r) => new { distanceKm = r.Distance.Value, rateBps = r.RateBitsPerSecond, ratePerPulse = r.RatePerPulse, qber = r.Qber, mu = r.Mu };
}
