using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>Feed tokens: 256 random bits from the system CSPRNG, base64url (43 characters); stored only as a hash.</summary>
public static class CalendarFeedTokens
{
    /// <summary>Random bytes per token (256 bits; the brief asks for at least 128).</summary>
    public const int TokenBytes = 32;

    /// <summary>Length of a token's text.</summary>
    public const int TokenLength = 43;

    /// <summary>A new token.</summary>
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>
    /// The lowercase hex SHA-256 of a token that has a token's shape; null for anything else (nothing is looked up
    /// for it). A fast hash is enough: the token has 256 bits of entropy, so there is nothing to guess.
    /// </summary>
    public static string? Hash(string? token)
    {
        if (token is not { Length: TokenLength } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }
}
