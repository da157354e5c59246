using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsReplyRetryWorkerTests : IDisposable
{
    private static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInbox _inbox;
    private readonly Mock<ITeamsConnectorClient> _connector = new();
    private readonly TeamsOptions _options = new() { ReplyRetryInterval = TimeSpan.FromSeconds(30), ReplyRetryWindow = TimeSpan.FromHours(1) };
    private readonly TeamsReplyOutbox _outbox;
    private readonly TeamsReplyRetryWorker _worker;
    private int _calls;

    public TeamsReplyRetryWorkerTests()
    {
        _inbox = new InMemoryInbox(_time);
        _outbox = new TeamsReplyOutbox(_connector.Object, _inbox, NullLogger<TeamsReplyOutbox>.Instance);
        _worker = new TeamsReplyRetryWorker(_inbox, _outbox, _time, Options.Create(_options), NullLogger<TeamsReplyRetryWorker>.Instance);
    }

    public void Dispose() => _worker.Dispose();

    [Fact]
    public async Task SendOrKeepAsync_ConnectorUnreachable_KeepsTheReply_AndTheSweepDeliversIt()
    {
        FailFirst(1, new TeamsConnectorException(0, "unreachable"));

        await _outbox.SendOrKeepAsync(Pending(), CancellationToken.None);
        Assert.Equal(1, _inbox.Count);

        Assert.Equal(1, await _worker.SweepAsync(CancellationToken.None));
        Assert.Equal(0, _inbox.Count);
        _connector.Verify(
            c => c.ReplyAsync(ServiceUrl, "a:conv", "act-1", It.Is<Activity>(a => a.Text == "the answer"), It.IsAny<CancellationToken>()),
            Times.Exactly(2));
    }

    [Theory]
    [InlineData(403, false)]
    [InlineData(400, false)]
    [InlineData(0, true)]
    public async Task SendOrKeepAsync_FailureThatARetryCannotFix_IsNotKept(int status, bool refused)
    {
        FailFirst(1, new TeamsConnectorException(status, "no") { IsRefused = refused });

        await _outbox.SendOrKeepAsync(Pending(), CancellationToken.None);

        Assert.Equal(0, _inbox.Count);
    }

    [Fact]
    public async Task SweepAsync_StillFailing_TriesAgainAfterTheLease()
    {
        FailFirst(2, new TeamsConnectorException(502, "bad gateway"));
        await _outbox.SendOrKeepAsync(Pending(), CancellationToken.None);

        Assert.Equal(0, await _worker.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await _worker.SweepAsync(CancellationToken.None));
        _time.Advance(_options.ReplyRetryInterval);

        Assert.Equal(1, await _worker.SweepAsync(CancellationToken.None));
        Assert.Equal(0, _inbox.Count);
    }

    [Fact]
    public async Task SweepAsync_PastTheRetryWindow_GivesUpWithoutSending()
    {
        FailFirst(1, new TeamsConnectorException(0, "unreachable"));
        await _outbox.SendOrKeepAsync(Pending(), CancellationToken.None);
        _time.Advance(_options.ReplyRetryWindow + TimeSpan.FromMinutes(1));

        Assert.Equal(0, await _worker.SweepAsync(CancellationToken.None));

        Assert.Equal(0, _inbox.Count);
        Assert.Equal(1, _calls);
    }

    private static TeamsPendingReply Pending() =>
        new(ServiceUrl.ToString(), "a:conv", "act-1", new Activity { Type = "message", Text = "the answer" });

    private void FailFirst(int times, TeamsConnectorException failure) =>
        _connector
            .Setup(c => c.ReplyAsync(It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(() => ++_calls <= times ? Task.FromException<string?>(failure) : Task.FromResult<string?>("sent"));
}
