namespace CoachBot.Scheduler.Tests.Support;

/// <summary>Several replicas over the same tables and sink; disposing kills every one still running.</summary>
public sealed class SchedulerCluster : IDisposable
{
    private readonly string _connectionString;
    private readonly string _tablePrefix;
    private readonly Uri _sink;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<SchedulerNodeProcess> _all = [];
    private readonly Dictionary<string, SchedulerNodeProcess> _current = new(StringComparer.Ordinal);

    public SchedulerCluster(string connectionString, string tablePrefix, Uri sink, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _tablePrefix = tablePrefix;
        _sink = sink;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>The latest process of each replica.</summary>
    public IReadOnlyCollection<SchedulerNodeProcess> Nodes => _current.Values;

    public SchedulerNodeProcess this[string replicaId] => _current[replicaId];

    /// <summary>Starts (or, once killed, restarts) replica <paramref name="replicaId"/> with the same settings.</summary>
    public SchedulerNodeProcess Start(string replicaId)
    {
        if (_current.TryGetValue(replicaId, out var running) && !running.HasExited)
        {
            throw new InvalidOperationException($"Replica {replicaId} is running.");
        }

        var node = SchedulerNodeProcess.Start(replicaId, _connectionString, _tablePrefix, _sink, _settings);
        _all.Add(node);
        _current[replicaId] = node;
        return node;
    }

    /// <summary>True once every running replica logged <paramref name="text"/>.</summary>
    public bool AllLogged(string text) => _current.Values.All(n => n.HasLogged(text));

    /// <summary>How many lines containing <paramref name="text"/> each process printed (killed ones too), e.g. for the test output.</summary>
    public string CountLogged(string text) =>
        string.Join(", ", _all.Select(n => $"{n.ReplicaId}/{n.ProcessId}={n.Lines().Count(l => l.Contains(text, StringComparison.Ordinal))}"));

    /// <summary>The last lines of every process (killed ones too), for failure messages.</summary>
    public string Tails(int count = 20) => string.Join(Environment.NewLine, _all.Select(n => n.Tail(count)));

    public void Dispose()
    {
        foreach (var node in _all)
        {
            node.Dispose();
        }
    }
}
