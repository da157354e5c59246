namespace CoachBot.Storage.Reflections;

/// <summary>The key that ties a reflection answer to its author (configuration section <c>Privacy</c>).</summary>
public sealed class AnswerKeyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Shortest key accepted, in bytes (HMAC-SHA256's block of security).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// Base64 of at least 32 random bytes. A reflection answer's row id is HMAC-SHA256(key, author, channel, week), so
    /// someone reading the tables cannot tell whose answer a row is without this key. A secret: set it through the
    /// environment (<c>Privacy__ReflectionAnswerKey</c>, from Key Vault) and never in appsettings.json. Empty is
    /// allowed only against the local storage emulator, which then keeps a generated development key. Changing the
    /// key makes existing answers unreachable for their authors (edit, export, forget me): keep it for good.
    /// </summary>
    public string? ReflectionAnswerKey { get; set; }
}
