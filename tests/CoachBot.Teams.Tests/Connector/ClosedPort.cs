using System.Net;
using System.Net.Sockets;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>A loopback port nothing listens on (bound, read, released): connecting to it is refused at once.</summary>
internal static class ClosedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A token authority (with <c>{tenant}</c>) on a closed loopback port: the identity endpoint is unreachable.</summary>
    public static string UnreachableAuthority() => $"https://127.0.0.1:{Next()}/{{tenant}}";
}
