using System.Net.Sockets;
using Azure;

namespace CoachBot.Storage.Tests;

public sealed class StorageFailuresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void IsUnavailable_ServerOrNoAnswerStatus_ReturnsTrue(int status)
    {
        Assert.True(StorageFailures.IsUnavailable(new RequestFailedException(status, "failed"), CancellationToken.None));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void IsUnavailable_CallerSemanticsStatus_ReturnsFalse(int status)
    {
        Assert.False(StorageFailures.IsUnavailable(new RequestFailedException(status, "failed"), CancellationToken.None));
    }

    [Fact]
    public void IsUnavailable_NetworkErrors_ReturnsTrue()
    {
        var refused = new HttpRequestException("Connection refused (127.0.0.1:10002)", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(StorageFailures.IsUnavailable(refused, CancellationToken.None));
        Assert.True(StorageFailures.IsUnavailable(new IOException("reset"), CancellationToken.None));
        Assert.True(StorageFailures.IsUnavailable(new TimeoutException(), CancellationToken.None));
        Assert.True(StorageFailures.IsUnavailable(
            new AggregateException(new RequestFailedException(0, "no answer", refused), new RequestFailedException(503, "busy")),
            CancellationToken.None));
    }

    [Fact]
    public void IsUnavailable_AggregateWithAConflict_ReturnsFalse()
    {
        var mixed = new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException(409, "exists"));

        Assert.False(StorageFailures.IsUnavailable(mixed, CancellationToken.None));
    }

    [Fact]
    public async Task IsUnavailable_Cancellation_IsOutageOnlyWhenTheCallerDidNotCancel()
    {
        using var caller = new CancellationTokenSource();

        Assert.True(StorageFailures.IsUnavailable(new TaskCanceledException(), caller.Token));
        await caller.CancelAsync();
        Assert.False(StorageFailures.IsUnavailable(new TaskCanceledException(), caller.Token));
    }

    [Fact]
    public void Reason_NoAnswer_NamesTheSocketError()
    {
        var refused = new HttpRequestException("Connection refused (127.0.0.1:10002)", new SocketException((int)SocketError.ConnectionRefused));

        var reason = StorageFailures.Reason(new AggregateException(new RequestFailedException(0, "Connection refused", refused)));

        Assert.Equal("Connection refused (127.0.0.1:10002) (ConnectionRefused)", reason);
    }

    [Fact]
    public void Reason_ServerError_NamesStatusAndCode()
    {
        Assert.Equal("HTTP 503 ServerBusy", StorageFailures.Reason(new RequestFailedException(503, "busy", "ServerBusy", null)));
    }

    [Fact]
    public void Redact_TextWithKeysAndSignatures_HidesTheirValues()
    {
        var redacted = StorageFailures.Redact("AccountName=a;AccountKey=c2VjcmV0==;x https://a/t?sv=1&sig=abc%2Fdef&se=2");

        Assert.Equal("AccountName=a;AccountKey=***;x https://a/t?sv=1&sig=***&se=2", redacted);
    }
}
