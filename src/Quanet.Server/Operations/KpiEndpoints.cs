using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Server.Api;
using Quanet.Server.Security;

namespace Quanet.Server.Operations;

/// <summary>
/// KPI anomalies under <c>/api/v1/kpi/anomalies</c>: what the operations engine's KPI detectors found in the VES
/// measurement events received (the notices <see cref="Quanet.Operations.Kpi.KpiMonitor"/> stored in the operations
/// store, so they survive a restart), newest first, each with its series (<c>sourceName/group/name</c>), element, time,
/// score, value, expected value and evidence window; filters <c>source</c> (the network element) and <c>limit</c>
/// (the newest N, default 1000).
/// </summary>
internal static class KpiEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/kpi/anomalies", (string? source, string? limit, OperationsRuntime ops) =>
        {
            var newest = 1000;
            if (limit is not null && (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out newest) || newest is < 1 or > 10000))
            {
                return Problems.BadRequest("limit must be an integer in 1..10000");
            }

            var anomalies = ops.Engine.Store.ListKpiNotices(source, newest)
                .Select(a => new
                {
                    series = a.Series,
                    source = a.Source,
                    time = a.Time,
                    score = a.Score,
                    value = a.Value,
                    expected = a.Expected,
                    windowStart = a.WindowStart,
                    windowEnd = a.WindowEnd,
                })
                .ToList();
            return OperationsJson.Text(OperationsJson.Serialize(new { count = anomalies.Count, anomalies }));
        }).RequireAuthorization(Policies.Read).WithName("listKpiAnomalies").WithSummary("KPI anomalies found in the VES measurement events (source, limit)");
}
