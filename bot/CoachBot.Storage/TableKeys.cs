using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.Users;

namespace CoachBot.Storage;

/// <summary>
/// Turns external ids (Slack, Teams, ledger keys) into PartitionKey / RowKey values. Table Storage forbids
/// <c>/ \ # ?</c> and control characters in keys, so those (and <c>%</c> itself, to stay reversible) become
/// <c>%XX</c>, e.g. <c>a/b</c> becomes <c>a%2Fb</c>. Everything else, including <c>: ; |</c> and Japanese text, is kept
/// as is so keys stay readable in a storage browser.
/// </summary>
/// <remarks>
/// Keys longer than <see cref="MaxKeyLength"/> are shortened deterministically: a readable prefix, the marker
/// <c>%~</c> (which an encoded key can never contain, as every <c>%</c> starts a hex escape) and the SHA-256 of the
/// whole original value. Shortened keys cannot be decoded, so entities also store the original ids as properties.
/// </remarks>
public static class TableKeys
{
    /// <summary>
    /// Longest key written. Azure allows 1 KiB of UTF-16 (512 characters) and Azurite rejects keys longer than
    /// 512 characters with 400 InvalidInput, so 512 rather than the 1024 the documentation's "1 KiB" suggests.
    /// </summary>
    public const int MaxKeyLength = 512;

    private const string ShortenedMarker = "%~";
    private const int HashHexLength = 64;

    /// <summary>Shortest <c>maxLength</c> that leaves room for a readable prefix besides the marker (2) and hash.</summary>
    public const int MinEncodedLength = 2 + HashHexLength + 8;

    /// <summary>The partition key of everything that belongs to one user, from <see cref="UserRef.Key"/>.</summary>
    public static string ForUser(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Encode(user.Key);
    }

    /// <summary>Encodes <paramref name="value"/> into a legal key of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="value">Any text, including the empty string.</param>
    /// <param name="maxLength">Room left for this part of a key (less than <see cref="MaxKeyLength"/> when the
    /// caller adds its own prefix).</param>
    public static string Encode(string value, int maxLength = MaxKeyLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinEncodedLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, MaxKeyLength);

        var encoded = Escape(value);
        return encoded.Length <= maxLength ? encoded : Shorten(value, encoded, maxLength);
    }

    /// <summary>Reverses <see cref="Encode"/>. Returns false for a shortened key (see <see cref="IsShortened"/>) or text
    /// that <see cref="Encode"/> cannot have produced.</summary>
    public static bool TryDecode(string key, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        value = null;
        if (IsShortened(key))
        {
            return false;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '%')
            {
                builder.Append(key[i]);
                continue;
            }

            if (i + 2 >= key.Length
                || !byte.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                return false;
            }

            builder.Append((char)code);
            i += 2;
        }

        value = builder.ToString();
        return true;
    }

    /// <summary>True when <see cref="Encode"/> had to shorten the value, so the key cannot be decoded.</summary>
    public static bool IsShortened(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Contains(ShortenedMarker, StringComparison.Ordinal);
    }

    private static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                // Every escaped character is at most U+009F, so two hex digits always suffice.
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Forbidden in keys by the Table service: / \ # ? and U+0000-U+001F, U+007F-U+009F (char.IsControl is exactly
    // those ranges). '%' is escaped so that decoding is unambiguous.
    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);

    private static string Shorten(string original, string encoded, int maxLength)
    {
        var cut = maxLength - ShortenedMarker.Length - HashHexLength;

        // Never split a %XX escape or a surrogate pair, so the prefix stays readable and valid UTF-16.
        if (encoded[cut - 1] == '%')
        {
            cut -= 1;
        }
        else if (encoded[cut - 2] == '%')
        {
            cut -= 2;
        }

        if (char.IsHighSurrogate(encoded[cut - 1]))
        {
            cut -= 1;
        }

        // Hash the raw UTF-16 code units: exact for any string, even one with a lone surrogate.
        var hash = SHA256.HashData(MemoryMarshal.AsBytes(original.AsSpan()));
        return string.Concat(encoded.AsSpan(0, cut), ShortenedMarker, Convert.ToHexStringLower(hash));
    }
}
