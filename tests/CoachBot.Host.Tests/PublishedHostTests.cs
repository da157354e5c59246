using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Storage.Azurite;
using CoachBot.Testing;
using CoachBot.Testing.Identity;

namespace CoachBot.Host.Tests;

/// <summary>
/// What the container image ships, proven without a container daemon: the host is published with the very command
/// the Dockerfile runs, then started from the published folder as an unprivileged user with the image's port setting
/// (<c>ASPNETCORE_HTTP_PORTS</c>, 8080 as in the image when that port is free here) and production settings: keyless
/// storage (<c>Storage:ServiceUri</c>, Azurite on HTTPS accepting only OAuth tokens, its CA trusted through
/// <c>SSL_CERT_FILE</c>) with tokens from the loopback stand-in for the platform's managed identity endpoint. It must
/// listen on every interface, be live and ready, answer a signed Slack command, serve the privacy and terms pages the
/// Teams manifest names, and serve none of the local playground's API.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PublishedHostTests
{
    private const string SigningSecret = "0cc175b9c0f1b6a831c399e269772661";
    private const int Nobody = 65534;

    [Fact]
    public async Task PublishedAsTheDockerfileDoes_RunAsNonRootOnHttpPorts_IsReadyOnEveryInterfaceAnswersSlackAndHasNoLocalApi()
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        var work = Directory.CreateTempSubdirectory("coachbot-published-");
        try
        {
            var app = Path.Combine(work.FullName, "app");
            await PublishAsync(root, app);
            Assert.True(File.Exists(Path.Combine(app, "content", "en", "actions.yaml")), "the content ships with the host");
            Assert.True(File.Exists(Path.Combine(app, "appsettings.json")), "appsettings.json ships with the host");
            var home = Directory.CreateDirectory(Path.Combine(work.FullName, "home")).FullName;
            foreach (var path in new[] { work.FullName, home })
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("777", 8));
                }
            }

            var (caPath, certificatePath, keyPath, _) = TestCertificates.Write(work.FullName);
            await using var azurite = await AzuriteProcess.StartAsync(
                new AzuriteStartOptions { Https = (certificatePath, keyPath), OAuth = true }, CancellationToken.None);
            await using var identity = await ManagedIdentityStandIn.StartAsync();
            var storage = new Dictionary<string, string>(identity.Environment)
            {
                ["SSL_CERT_FILE"] = caPath,
                ["Storage__ConnectionString"] = string.Empty,
                ["Storage__ServiceUri"] = $"https://127.0.0.1:{azurite.Port}/{AzuriteProcess.AccountName}",
            };
            var port = ImagePortOrAnother();
            using var host = Start(app, home, port, storage);
            var stderr = host.StandardError.ReadToEndAsync();
            _ = host.StandardOutput.ReadToEndAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
                Assert.True(await HostProcess.ReadyAsync(client, host), "the published host did not get ready: " + (host.HasExited ? await stderr : "still running"));

                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
                Assert.True(ListensOnEveryInterface(port), $"port {port} is not bound to every interface");
                using var command = await client.SendAsync(SignedCommand("help"));
                Assert.Equal(HttpStatusCode.OK, command.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/local/messages", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/local/clock")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
                var privacy = await client.GetAsync(ManifestPath(root, "privacyUrl"));
                Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
                Assert.Contains("forget me", await privacy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ManifestPath(root, "termsOfUseUrl"))).StatusCode);
                Assert.NotEmpty(identity.Requests);
                Assert.All(identity.Requests, r => Assert.Equal("https://storage.azure.com", r.Resource));
                if (Environment.UserName == "root")
                {
                    // setpriv replaces itself with dotnet, so the host keeps the process id.
                    Assert.Equal(Nobody.ToString(CultureInfo.InvariantCulture), (await File.ReadAllLinesAsync($"/proc/{host.Id}/status")).Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1]);
                }
            }
            finally
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs the Dockerfile's own publish line, with its output folder moved from /app to <paramref name="output"/>.</summary>
    private static async Task PublishAsync(string root, string output)
    {
        var line = File.ReadAllLines(Path.Combine(root, "Dockerfile")).Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var arguments = line["RUN dotnet ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("/app", arguments);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument == "/app" ? output : argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet {line["RUN dotnet ".Length..]} failed:\n{await stdout}\n{await stderr}");
    }

    /// <summary>The image's port, 8080, unless something on this machine holds it (then any free port: same setting).</summary>
    private static int ImagePortOrAnother()
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Any, 8080);
            probe.Start();
            probe.Stop();
            return 8080;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return AzuriteProcess.PickFreePort();
        }
    }

    /// <summary>The path of a URL the Teams manifest names on the deployed host (e.g. privacyUrl: /privacy).</summary>
    private static string ManifestPath(string root, string property)
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(root, "bot", "manifests", "teams", "manifest.json")))!;
        var url = (string)manifest["developer"]![property]!;
        const string host = "https://{{PUBLIC_HOST}}";
        Assert.StartsWith(host, url, StringComparison.Ordinal);
        return url[host.Length..];
    }

    private static Process Start(string app, string home, int port, IReadOnlyDictionary<string, string> storage)
    {
        // As the image runs it: an unprivileged user (when the tests run as root, "nobody"), the port from
        // ASPNETCORE_HTTP_PORTS, production environment, secrets from the environment, no Urls anywhere.
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "setpriv" : "dotnet")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = app,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(Path.Combine(app, "CoachBot.Host.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Slack__", StringComparison.Ordinal) || k.StartsWith("Teams__", StringComparison.Ordinal)
            || k.StartsWith("Storage__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Local__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["HOME"] = home;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in storage)
        {
            start.Environment[name] = value;
        }

        start.Environment["Storage__TablePrefix"] = AzuriteFixture.NewTablePrefix();
        // A real account needs the keys Key Vault would hand over.
        start.Environment["Privacy__ReflectionAnswerKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Charts__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Slack__SigningSecret"] = SigningSecret;
        start.Environment["Slack__BotToken"] = "xoxb-published-test";
        // Nothing listens there: answers to Slack cannot go out, which this test does not need.
        start.Environment["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{AzuriteProcess.PickFreePort()}/api/";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the published host");
    }

    private static HttpRequestMessage SignedCommand(string text)
    {
        var body = string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = "T0PUBLISHED", ["channel_id"] = "D0PUBLISHED", ["user_id"] = "U0PUBLISHED", ["command"] = "/coach", ["text"] = text,
            ["api_app_id"] = "A0PUBLISHED", ["response_url"] = "https://hooks.slack.com/commands/T0PUBLISHED/1/published",
            ["trigger_id"] = "1.2." + Guid.NewGuid().ToString("N"),
        }.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + signature);
        return request;
    }

    /// <summary>True when a listening socket on <paramref name="port"/> is bound to the any-address (IPv4 or IPv6).</summary>
    private static bool ListensOnEveryInterface(int port)
    {
        var hex = port.ToString("X4", CultureInfo.InvariantCulture);
        var any = new[] { ("/proc/net/tcp", "00000000:" + hex), ("/proc/net/tcp6", "00000000000000000000000000000000:" + hex) };
        return any.Any(p => File.Exists(p.Item1) && File.ReadLines(p.Item1).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f[1] == p.Item2 && f[3] == "0A"));
    }
}
