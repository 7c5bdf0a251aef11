namespace Quanet.Defence.Rules;

/// <summary>
/// Hot-reloads a rule file into a <see cref="DetectionEngine"/> when it changes. A file that fails to load
/// leaves the rules in force untouched and is reported in <see cref="LastError"/>.
/// </summary>
public sealed class RuleSetWatcher : IDisposable
{
    private readonly string _path;
    private readonly DetectionEngine _engine;
    private readonly FileSystemWatcher _watcher;
    private readonly Lock _gate = new();
    private DateTime _lastWrite;

    /// <summary>Watches <paramref name="path"/> and feeds <paramref name="engine"/>.</summary>
    public RuleSetWatcher(string path, DetectionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(engine);
        _path = Path.GetFullPath(path);
        _engine = engine;
        _lastWrite = File.GetLastWriteTimeUtc(_path);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
        };
        _watcher.Changed += (_, _) => TryReload();
        _watcher.Created += (_, _) => TryReload();
        _watcher.Renamed += (_, _) => TryReload();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Why the last reload failed, or null if it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>Successful reloads so far.</summary>
    public int Reloads { get; private set; }

    /// <summary>Raised after the rules were replaced.</summary>
    public event EventHandler<RuleSet>? Reloaded;

    /// <summary>Loads the file now if it changed since the last load; returns whether new rules are in force.</summary>
    public bool TryReload(bool force = false)
    {
        lock (_gate)
        {
            try
            {
                var write = File.GetLastWriteTimeUtc(_path);
                if (!force && write == _lastWrite && Reloads > 0)
                {
                    return false;
                }

                var rules = RuleSetLoader.Load(_path, _engine.Rules.Version + 1);
                _engine.UseRules(rules);
                _lastWrite = write;
                Reloads++;
                LastError = null;
                Reloaded?.Invoke(this, rules);
                return true;
            }
            catch (Exception ex) when (ex is Quanet.Core.QuanetException or IOException or UnauthorizedAccessException)
            {
                LastError = ex.Message;
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _watcher.Dispose();
}
