using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Quanet.Core;

namespace Quanet.Cluster.Silo;

/// <summary>An Orleans client of the operations cluster: finds the silos' gateways in the PostgreSQL membership table.</summary>
public static class ClusterClient
{
    /// <summary>Builds a client host (not started) for the cluster whose database is <paramref name="postgresConnectionString"/>.</summary>
    /// <exception cref="QuanetException">The connection string is empty.</exception>
    public static IHost Build(string postgresConnectionString)
    {
        if (string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            throw new QuanetException("the PostgreSQL connection string is empty");
        }

        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterNames.ClusterId;
                o.ServiceId = ClusterNames.ClusterId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = OperationsSilo.Invariant;
                o.ConnectionString = postgresConnectionString;
            });
            // a gateway that died is dropped from the list within seconds, not the default minute
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        return builder.Build();
    }

    /// <summary>The grain factory of a built client host.</summary>
    public static IGrainFactory Grains(IHost client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Services.GetRequiredService<IClusterClient>();
    }
}
