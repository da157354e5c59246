using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoachBot.Storage.Azurite;
using CoachBot.Testing.Identity;

namespace CoachBot.Host.Tests;

/// <summary>
/// Table Storage without a key, for real: Azurite serves HTTPS with a certificate from a test CA and accepts only what
/// a real account accepts from a managed identity (OAuth bearer tokens for https://storage.azure.com); the host, as a
/// process of its own, trusts the CA through SSL_CERT_FILE and gets its tokens from a loopback stand-in for the
/// managed identity endpoint Container Apps and App Service expose (IDENTITY_ENDPOINT + IDENTITY_HEADER).
/// </summary>
[Trait("Category", "Slow")]
public sealed class KeylessStorageTests
{
    private const string SigningSecret = "5f4dcc3b5aa765d61d8327deb882cf99";

    [Fact]
    public async Task Host_WithServiceUriAndAManagedIdentity_StoresAndReadsWithNoAccountKey()
    {
        var dir = Directory.CreateTempSubdirectory("coachbot-keyless-");
        try
        {
            var (caPath, certPath, keyPath, serverCertificate) = TestCertificates.Write(dir.FullName);
            await using var azurite = await AzuriteProcess.StartAsync(
                new AzuriteStartOptions { Https = (certPath, keyPath), OAuth = true }, CancellationToken.None);
            await using var identity = await ManagedIdentityStandIn.StartAsync();
            var prefix = Testing.AzuriteFixture.NewTablePrefix();
            var hostPort = AzuriteProcess.PickFreePort();
            using var host = HostProcess.Start(
                dir.FullName,
                new Dictionary<string, string>
                {
                    ["Storage:ConnectionString"] = string.Empty,
                    ["Storage:ServiceUri"] = $"https://127.0.0.1:{azurite.Port}/{AzuriteProcess.AccountName}",
                    ["Storage:TablePrefix"] = prefix,
                    ["Privacy:ReflectionAnswerKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    ["Slack:SigningSecret"] = SigningSecret,
                    ["Slack:BotToken"] = "xoxb-keyless-test",
                    // Nothing listens there: the bot's answer cannot go out, which this test does not need.
                    ["Slack:ApiBaseUrl"] = $"http://127.0.0.1:{AzuriteProcess.PickFreePort()}/api/",
                    ["Urls"] = $"http://127.0.0.1:{hostPort}",
                },
                new Dictionary<string, string>(identity.Environment) { ["SSL_CERT_FILE"] = caPath });
            var stderr = host.StandardError.ReadToEndAsync();
            _ = host.StandardOutput.ReadToEndAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/") };
                Assert.True(await HostProcess.ReadyAsync(client, host), "the host did not get ready: " + (host.HasExited ? await stderr : "still running"));

                using var ack = await client.SendAsync(SignedEvent("Ev0KEYLESS1", "U0KEYLESS", "start"));
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

                var users = ReadWithTheKey(azurite.Port, serverCertificate).GetTableClient(prefix + "Users");
                Assert.Equal(1, await CountWithinAsync(users, TimeSpan.FromSeconds(30)));
                Assert.NotEmpty(identity.Requests);
                Assert.All(identity.Requests, r => Assert.Equal((ManagedIdentityStandIn.Header, "https://storage.azure.com"), (r.Header, r.Resource)));
                Assert.Equal(404, (int)(await client.GetAsync("/api/local/messages")).StatusCode);
            }
            finally
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Azurite_InOAuthMode_RefusesATokenForAnotherAudience()
    {
        // The stand-in would be pointless if the emulator took any bearer token: one for another resource is refused.
        var dir = Directory.CreateTempSubdirectory("coachbot-keyless-");
        try
        {
            var (_, certPath, keyPath, serverCertificate) = TestCertificates.Write(dir.FullName);
            await using var azurite = await AzuriteProcess.StartAsync(
                new AzuriteStartOptions { Https = (certPath, keyPath), OAuth = true }, CancellationToken.None);
            using var http = new HttpClient(Trusting(serverCertificate));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{azurite.Port}/{AzuriteProcess.AccountName}/Tables");
            request.Headers.Authorization = new("Bearer", ManagedIdentityStandIn.Token("https://graph.microsoft.com"));
            request.Headers.Add("x-ms-version", "2019-02-02");
            request.Headers.Add("Accept", "application/json;odata=nometadata");

            using var refused = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The table's row count once it is not zero, or zero when nothing arrives in time.</summary>
    private static async Task<int> CountWithinAsync(TableClient table, TimeSpan timeout)
    {
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            var count = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
            {
                count++;
            }

            if (count > 0 || TimeProvider.System.GetUtcNow() > until)
            {
                return count;
            }

            await Task.Delay(200);
        }
    }

    private static HttpRequestMessage SignedEvent(string eventId, string user, string text)
    {
        var body = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T0KEYLESS",
            ["api_app_id"] = "A0KEYLESS",
            ["event_id"] = eventId,
            ["event_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel"] = "D0KEYLESS", ["channel_type"] = "im", ["user"] = user, ["text"] = text,
                ["ts"] = "1764000000.000100", ["event_ts"] = "1764000000.000100",
            },
        }.ToJsonString();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + signature);
        return request;
    }

    /// <summary>The test's own look into the account: the emulator's published key, over HTTPS it trusts for this certificate only.</summary>
    private static TableServiceClient ReadWithTheKey(int port, X509Certificate2 serverCertificate) => new(
        new Uri($"https://127.0.0.1:{port}/{AzuriteProcess.AccountName}"),
        new TableSharedKeyCredential(AzuriteProcess.AccountName, AzuriteProcess.AccountKey),
        new TableClientOptions { Transport = new HttpClientTransport(Trusting(serverCertificate)) });

    private static HttpClientHandler Trusting(X509Certificate2 serverCertificate) => TestCertificates.Trusting(serverCertificate);
}
