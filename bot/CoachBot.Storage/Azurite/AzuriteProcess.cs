using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoachBot.Storage.Azurite;

/// <summary>
/// A running Azurite table service (npm package <c>azurite</c>, installed by <c>npm ci</c> in the repository root),
/// for local runs and tests. Disposing it kills the whole process tree.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's fixed development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's fixed development key. It is published in Azurite's documentation and only opens the local
    /// emulator, so it is not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Azurite's usual table port, the one <c>UseDevelopmentStorage=true</c> points at.</summary>
    public const int DefaultPort = 10002;

    private const string NotInstalledMessage = "Azurite is not installed: run `npm ci` in the repository root.";
    private const string GracefulStopScript = "azurite-graceful-stop.cjs";

    /// <summary>Longest wait for Azurite to save its data and exit before it is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int MaxStartAttempts = 3;
    private const int OutputTailLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output;
    private readonly bool _persistent;
    private bool _stopped;

    private AzuriteProcess(Process process, Queue<string> output, int port, bool persistent)
    {
        _process = process;
        _output = output;
        _persistent = persistent;
        Port = port;
    }

    /// <summary>The table service's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>An explicit connection string for this instance (any port, unlike <c>UseDevelopmentStorage=true</c>).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    /// <summary>True once the process has ended (stopped, or crashed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the Azurite process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Azurite and returns once its port accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed, exited early (the message carries its last
    /// output), or did not listen within <see cref="AzuriteStartOptions.StartTimeout"/>.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = FindRepositoryRoot(options.StartDirectory);
        var executable = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(NotInstalledMessage);
        }

        string? dataDirectory = null;
        if (options.DataDirectory is not null)
        {
            dataDirectory = Path.GetFullPath(options.DataDirectory, root);
            Directory.CreateDirectory(dataDirectory);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? PickFreePort();
            if (await AcceptsConnectionsAsync(port, cancellationToken))
            {
                // Without this check the other listener would pass for our Azurite until ours died of EADDRINUSE.
                if (options.Port is not null || attempt >= MaxStartAttempts)
                {
                    throw new InvalidOperationException(
                        $"Port {port} is already in use (another Azurite?); stop whatever listens there or choose another port.");
                }

                continue;
            }

            var (process, output) = Launch(executable, root, port, dataDirectory, options);
            var failure = await WaitUntilListeningAsync(process, output, port, options.StartTimeout, cancellationToken);
            if (failure is null)
            {
                return new AzuriteProcess(process, output, port, dataDirectory is not null);
            }

            await KillAsync(process);
            process.Dispose();

            // A port picked here can be taken by someone else before Azurite binds it; pick another.
            var portTaken = failure.Contains("EADDRINUSE", StringComparison.Ordinal);
            if (!portTaken || options.Port is not null || attempt >= MaxStartAttempts)
            {
                throw new InvalidOperationException(failure);
            }
        }
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on right now (the OS picks it for a port-0 bind).</summary>
    public static int PickFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// The nearest folder at or above <paramref name="startDirectory"/> holding package.json and node_modules/azurite.
    /// Without a start directory, tries the application's base directory, then the current directory.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such folder: Azurite is not installed.</exception>
    public static string FindRepositoryRoot(string? startDirectory = null)
    {
        string[] starts = startDirectory is null ? [AppContext.BaseDirectory, Directory.GetCurrentDirectory()] : [startDirectory];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "package.json"))
                    && Directory.Exists(Path.Combine(directory.FullName, "node_modules", "azurite")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(NotInstalledMessage);
    }

    /// <summary>
    /// Stops Azurite and everything it started, and waits until they are gone (at most <see cref="StopTimeout"/> for
    /// a save). Safe to call twice. With a data directory it first asks Azurite to shut down (SIGTERM, where there
    /// are signals, which the preloaded azurite-graceful-stop.cjs turns into Azurite's one saving shutdown): Azurite
    /// saves its database only every 5 s and when it shuts down, so a plain kill would lose the last writes.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (_persistent && !_process.HasExited && PosixSignals.TryTerminate(_process.Id))
        {
            // If it does not finish saving in time, the kill below ends it anyway.
            await ExitedAsync(_process, StopTimeout);
        }

        await KillAsync(_process);
    }

    /// <summary>
    /// Waits at most <paramref name="timeout"/> for the process itself to end. Not <see cref="Process.WaitForExitAsync"/>:
    /// with its output read asynchronously, that also waits until the output pipes close, which never happens while
    /// anything Azurite started still holds them, and the host's stop (Ctrl+C) would wait on it.
    /// </summary>
    private static async Task<bool> ExitedAsync(Process process, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (!process.HasExited)
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>Azurite's last lines of output, for diagnosing a crash.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    private static (Process Process, Queue<string> Output) Launch(string executable, string root, int port, string? dataDirectory, AzuriteStartOptions options)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --silent: no access-log line per request. Node writes to a pipe synchronously on Linux, and with the line
        // gone the one-threaded emulator answers about a third more calls per second (docs/benchmarks.md); errors and
        // the start-up lines still come through for OutputTail.
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.Https is { } https)
        {
            foreach (var argument in new[] { "--cert", https.CertificatePath, "--key", https.KeyPath })
            {
                start.ArgumentList.Add(argument);
            }
        }

        if (options.OAuth)
        {
            start.ArgumentList.Add("--oauth");
            start.ArgumentList.Add("basic");
        }

        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);

            // Data on disk must survive a stop: see azurite-graceful-stop.cjs for the signals it handles and why.
            var script = Path.Combine(AppContext.BaseDirectory, "Azurite", GracefulStopScript);
            if (!File.Exists(script))
            {
                throw new InvalidOperationException($"{script} is missing from the build output; rebuild CoachBot.");
            }

            var inherited = Environment.GetEnvironmentVariable("NODE_OPTIONS");
            start.Environment["NODE_OPTIONS"] = $"{inherited} --require \"{script}\"".TrimStart();
        }

        var output = new Queue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static void Remember(Queue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > OutputTailLines)
            {
                output.Dequeue();
            }
        }
    }

    /// <returns>Null once the port accepts connections; otherwise why not.</returns>
    private static async Task<string?> WaitUntilListeningAsync(
        Process process, Queue<string> output, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (process.HasExited)
            {
                // Let the output readers drain what the process wrote before it died, for a moment at most: a pipe held
                // open by something it started would otherwise hold the start forever.
                using (var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    drain.CancelAfter(TimeSpan.FromSeconds(2));
                    try
                    {
                        await process.WaitForExitAsync(drain.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Report with what was read so far.
                    }
                }
                return $"Azurite exited with code {process.ExitCode} before listening on port {port}:{Environment.NewLine}{Tail(output)}";
            }

            if (await AcceptsConnectionsAsync(port, cancellationToken) && !process.HasExited)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return $"Azurite did not listen on port {port} within {timeout.TotalSeconds} s:{Environment.NewLine}{Tail(output)}";
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string Tail(Queue<string> output)
    {
        lock (output)
        {
            return string.Join(Environment.NewLine, output);
        }
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        // A process that ignores SIGKILL for 10 s is beyond our reach; do not hang the caller.
        await ExitedAsync(process, TimeSpan.FromSeconds(10));
        if (process.HasExited)
        {
            // Stop reading its output: whatever still holds the pipes open must not keep readers (or anyone) waiting.
            try
            {
                process.CancelOutputRead();
                process.CancelErrorRead();
            }
            catch (InvalidOperationException)
            {
                // Its output was not being read.
            }
        }
    }
}
