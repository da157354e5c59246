using System.Diagnostics;
using CoachBot.Storage.Azurite;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// One scheduler replica (tests/CoachBot.Scheduler.Node) in its own process, with its stdout and stderr kept for
/// assertions. <see cref="Kill"/> is a SIGKILL of the whole tree (no shutdown code runs); disposing kills it too.
/// </summary>
public sealed class SchedulerNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private SchedulerNodeProcess(string replicaId, Process process)
    {
        ReplicaId = replicaId;
        _process = process;
    }

    public string ReplicaId { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a replica. <paramref name="settings"/> are configuration keys (<c>Scheduler:ClaimLease</c>), passed as
    /// environment variables; Storage, Sink:Url and Scheduler:ReplicaId come from the other arguments.
    /// </summary>
    public static SchedulerNodeProcess Start(
        string replicaId, string connectionString, string tablePrefix, Uri sink, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(NodeAssembly())!,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(NodeAssembly());
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Scheduler:ReplicaId"] = replicaId,
            ["Sink:Url"] = sink.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var node = new SchedulerNodeProcess(replicaId, process);
        process.OutputDataReceived += (_, e) => node.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => node.Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>What the replica printed so far.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    /// <summary>True once a line containing <paramref name="text"/> was printed.</summary>
    public bool HasLogged(string text)
    {
        lock (_lines)
        {
            return _lines.Exists(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The last lines, for failure messages.</summary>
    public string Tail(int count = 30)
    {
        lock (_lines)
        {
            return $"--- {ReplicaId} (pid {_process.Id}) ---{Environment.NewLine}" + string.Join(Environment.NewLine, _lines.TakeLast(count));
        }
    }

    /// <summary>SIGKILL of the replica and anything it started; waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    /// <summary>The node's build output beside this test assembly's: same configuration, same target framework.</summary>
    private static string NodeAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = AzuriteProcess.FindRepositoryRoot();
        var path = Path.Combine(root, "tests", "CoachBot.Scheduler.Node", "bin", configuration, framework, "CoachBot.Scheduler.Node.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The scheduler node is not built at {path}: build the solution (the test project builds it first).");
    }

    /// <summary>The dotnet host running these tests (the CLI sets DOTNET_HOST_PATH for its children), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
