using Quanet.Operations.Api;
using Quanet.Operations.Engine;

namespace Quanet.Workflows.Operations;

/// <summary>A running operations API and its engine; disposing stops the server, then the engine.</summary>
public sealed class OperationsService : IAsyncDisposable
{
    private readonly OperationsEngine _engine;
    private readonly OperationsServer _server;

    internal OperationsService(OperationsEngine engine, OperationsServer server)
    {
        _engine = engine;
        _server = server;
    }

    /// <summary>The address the API listens on (with the real port when 0 was asked).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The SQLite store the engine writes.</summary>
    public string StorePath => _engine.Store.Path;

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (returns normally then).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _server.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _engine.DisposeAsync();
    }
}
