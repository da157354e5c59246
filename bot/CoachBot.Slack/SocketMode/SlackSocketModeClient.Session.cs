using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.SocketMode;

public sealed partial class SlackSocketModeClient
{
    /// <summary>One connection's life: read messages, run envelopes in parallel, drain their acks at the end.</summary>
    private sealed class Session
    {
        private readonly SlackSocketModeClient _client;
        private readonly SocketModeConnection _connection;
        private readonly Lock _gate = new();
        private readonly HashSet<Task> _pending = [];

        public Session(SlackSocketModeClient client, SocketModeConnection connection)
        {
            _client = client;
            _connection = connection;
        }

        public bool SawHello { get; private set; }

        /// <summary>Reads until the socket ends; returns the replacement connection after a <c>disconnect</c>, else null.</summary>
        public async Task<SocketModeConnection?> RunAsync(CancellationToken stoppingToken)
        {
            var logger = _client._logger;
            using var receiveCts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _client._time);
            using var onStop = stoppingToken.Register(() => _ = CloseForShutdownAsync(receiveCts));
            try
            {
                while (true)
                {
                    var received = await _connection.ReceiveAsync(receiveCts.Token);
                    switch (received.Kind)
                    {
                        case SocketModeReceiveKind.Closed when stoppingToken.IsCancellationRequested:
                            logger.LogInformation("Socket Mode: stopped; the socket is closed.");
                            return null;
                        case SocketModeReceiveKind.Closed:
                            logger.LogWarning("Socket Mode: Slack closed the socket.");
                            return null;
                        case SocketModeReceiveKind.TooLarge:
                            logger.LogWarning(
                                "Socket Mode: dropped a {Bytes}-byte message, over Slack:MaxBodyBytes ({Max}); Slack will retry it unacked.",
                                received.Bytes,
                                _client._maxMessageBytes);
                            continue;
                        case SocketModeReceiveKind.Binary:
                            logger.LogWarning("Socket Mode: dropped a binary message.");
                            continue;
                    }

                    var message = ParseObject(received.Text!);
                    var type = message is null ? null : TypeOf(message);
                    if (message is null || type is null)
                    {
                        logger.LogWarning("Socket Mode: dropped a message that is not a JSON object with a type.");
                        continue;
                    }

                    if (type == "hello")
                    {
                        SawHello = true;
                        _client._status.Connected();
                        logger.LogInformation("Socket Mode: connected to Slack ({Connections} connections).", message["num_connections"]?.ToJsonString() ?? "?");
                    }
                    else if (type == "disconnect")
                    {
                        var reason = message["reason"]?.ToJsonString() ?? "\"unknown\"";
                        logger.LogInformation("Socket Mode: Slack asked to reconnect (reason {Reason}); opening a new connection first.", reason);
                        return await _client.TryConnectAsync(stoppingToken);
                    }
                    else if (!stoppingToken.IsCancellationRequested)
                    {
                        Start(message, type, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested
                && ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                logger.LogInformation("Socket Mode: stopped; Slack did not finish the close handshake in time.");
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                logger.LogWarning("Socket Mode: the connection dropped ({ExceptionType}).", ex.GetType().Name);
            }

            return null;
        }

        /// <summary>
        /// On host shutdown: lets running envelopes send their acks (a close frame first would make their sends fail and
        /// Slack retry work that was done), then starts the close handshake; the read loop ends when Slack answers, or
        /// at the drain timeout.
        /// </summary>
        private async Task CloseForShutdownAsync(CancellationTokenSource receiveCts)
        {
            try
            {
                await DrainAsync();
                receiveCts.CancelAfter(_client._options.DrainTimeout);
                await _connection.CloseAsync(_client._options.DrainTimeout, _client._time);
            }
            catch (ObjectDisposedException)
            {
                // The session already ended.
            }
        }

        /// <summary>Lets running envelopes send their acks (bounded), then closes and disposes the socket.</summary>
        public async Task EndAsync()
        {
            await DrainAsync();
            await _connection.CloseAsync(_client._options.DrainTimeout, _client._time);
            await _connection.DisposeAsync();
        }

        /// <summary>Waits for the envelopes still running, at most the drain timeout.</summary>
        private async Task DrainAsync()
        {
            Task[] pending;
            lock (_gate)
            {
                pending = [.. _pending];
            }

            try
            {
                await Task.WhenAll(pending).WaitAsync(_client._options.DrainTimeout, _client._time);
            }
            catch (TimeoutException)
            {
                _client._logger.LogWarning("Socket Mode: {Count} envelopes were still running when their socket closed.", pending.Length);
            }
        }

        private void Start(System.Text.Json.Nodes.JsonObject envelope, string type, CancellationToken stoppingToken)
        {
            var task = Task.Run(() => HandleAsync(envelope, type, stoppingToken), CancellationToken.None);
            lock (_gate)
            {
                _pending.Add(task);
            }

            _ = task.ContinueWith(
                done =>
                {
                    lock (_gate)
                    {
                        _pending.Remove(done);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private async Task HandleAsync(System.Text.Json.Nodes.JsonObject envelope, string type, CancellationToken stoppingToken)
        {
            try
            {
                var ack = await _client._envelopes.HandleAsync(envelope, type, stoppingToken);
                if (ack is not null)
                {
                    // Not the stopping token: cancelling a WebSocket send aborts the socket, so a stop would tear it down
                    // under an ack already on the wire. A send that never finishes is ended by the drain timeout instead
                    // (the close gives up waiting for the send gate and aborts).
                    await _connection.SendAsync(ack, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                _client._logger.LogWarning("Socket Mode: an ack could not be sent ({ExceptionType}); Slack will retry the envelope.", ex.GetType().Name);
            }
        }
    }
}
