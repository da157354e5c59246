namespace CoachBot.Host.Local;

/// <summary>Names of the local channel.</summary>
public static class LocalChannel
{
    /// <summary>The channel name in <see cref="Core.Users.UserRef"/>.</summary>
    public const string Name = "local";

    /// <summary>The single tenant of the local channel.</summary>
    public const string Tenant = "local";
}
