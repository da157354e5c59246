using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>Users no other test has, so tests never see each other's data even in a shared store.</summary>
public static class TestUsers
{
    /// <summary>A fresh Slack user in a fresh workspace; <paramref name="userId"/> replaces the random user id.</summary>
    public static UserRef New(string? userId = null) =>
        new("slack", "T" + Unique(), userId ?? "U" + Unique());

    /// <summary>A string of <paramref name="length"/> characters that starts with <paramref name="prefix"/>, unique per call.</summary>
    public static string LongText(int length, string prefix = "") =>
        (prefix + Unique() + new string('x', length)).Substring(0, length);

    private static string Unique() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}
