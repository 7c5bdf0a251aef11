namespace Quanet.Cluster.Tests.Support;

/// <summary>A temporary data folder for a local cluster, deleted on dispose.</summary>
internal sealed class ClusterFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("quanet-cluster-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a server still closing a file: the temp folder is cleaned by the system
        }
    }
}
