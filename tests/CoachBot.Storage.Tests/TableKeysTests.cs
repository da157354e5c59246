using CoachBot.Core.Users;

namespace CoachBot.Storage.Tests;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("slack|T123|U456")]
    [InlineData("29:1AbC-def;messageid=17")]
    [InlineData("ユーザー 1")]
    [InlineData("")]
    public void Encode_NothingForbidden_ReturnsValueUnchanged(string value)
    {
        Assert.Equal(value, TableKeys.Encode(value));
    }

    [Fact]
    public void Encode_ForbiddenCharactersAndPercent_EscapesThemAsHex()
    {
        var encoded = TableKeys.Encode("a/b\\c#d?e%f\u0001g\u007Fh\u0085i");

        Assert.Equal("a%2Fb%5Cc%23d%3Fe%25f%01g%7Fh%85i", encoded);
    }

    [Fact]
    public void ForUser_User_EncodesUserKey()
    {
        Assert.Equal("msteams|T1|29:a%2Fb", TableKeys.ForUser(new UserRef("msteams", "T1", "29:a/b")));
    }

    [Fact]
    public void Encode_RandomText_IsLegalAndDecodesToOriginal()
    {
        // Seeded, so a failure reproduces; the alphabet is weighted towards the characters that need care.
        var random = new Random(20250610);
        const string alphabet = "/\\#?%\u0000\u001F\u007F\u009F:;|'\"&=+ aZ9日本\uD83D\uDE00";
        for (var i = 0; i < 500; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var encoded = TableKeys.Encode(value);

            Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
            Assert.True(TableKeys.TryDecode(encoded, out var decoded));
            Assert.Equal(value, decoded);
        }
    }

    [Fact]
    public void Encode_ValuesDifferingOnlyByEscaping_StayDifferent()
    {
        Assert.NotEqual(TableKeys.Encode("a/b"), TableKeys.Encode("a%2Fb"));
    }

    [Fact]
    public void Encode_ExactlyMaxLength_IsNotShortened()
    {
        var value = new string('k', TableKeys.MaxKeyLength);

        var encoded = TableKeys.Encode(value);

        Assert.Equal(value, encoded);
        Assert.False(TableKeys.IsShortened(encoded));
    }

    [Fact]
    public void Encode_LongerThanMaxLength_IsShortenedDeterministicallyWithHashSuffix()
    {
        var value = "U" + new string('k', 1499);

        var encoded = TableKeys.Encode(value);

        Assert.Equal(TableKeys.MaxKeyLength, encoded.Length);
        Assert.StartsWith("Ukkk", encoded, StringComparison.Ordinal);
        Assert.Matches("%~[0-9a-f]{64}$", encoded);
        Assert.True(TableKeys.IsShortened(encoded));
        Assert.Equal(encoded, TableKeys.Encode(value));
    }

    [Fact]
    public void Encode_LongValuesSharingAPrefix_GiveDifferentKeys()
    {
        var prefix = new string('p', 1400);

        Assert.NotEqual(TableKeys.Encode(prefix + "a"), TableKeys.Encode(prefix + "b"));
    }

    [Fact]
    public void Encode_LongValueOfEscapes_NeverSplitsAnEscape()
    {
        var encoded = TableKeys.Encode(new string('/', 600));

        var readable = encoded[..encoded.IndexOf("%~", StringComparison.Ordinal)];
        Assert.True(encoded.Length <= TableKeys.MaxKeyLength);
        Assert.Equal(0, readable.Length % 3);
        Assert.Matches("^(%2F)+$", readable);
    }

    [Fact]
    public void Encode_LongValueOfSurrogatePairs_NeverSplitsAPair()
    {
        var encoded = TableKeys.Encode(string.Concat(Enumerable.Repeat("\uD83D\uDE00", 400)));

        var readable = encoded[..encoded.IndexOf("%~", StringComparison.Ordinal)];
        Assert.False(char.IsHighSurrogate(readable[^1]));
        Assert.Equal(0, readable.Length % 2);
    }

    [Fact]
    public void Encode_SmallerMaxLength_IsHonoured()
    {
        var encoded = TableKeys.Encode(new string('x', 600), TableKeys.MaxKeyLength - 9);

        Assert.Equal(TableKeys.MaxKeyLength - 9, encoded.Length);
    }

    [Fact]
    public void Encode_MaxLengthTooSmallForTheHash_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TableKeys.Encode("x", TableKeys.MinEncodedLength - 1));
    }

    [Fact]
    public void TryDecode_ShortenedKey_ReturnsFalse()
    {
        var encoded = TableKeys.Encode(new string('x', 600));

        Assert.False(TableKeys.TryDecode(encoded, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%2")]
    [InlineData("a%G1")]
    public void TryDecode_MalformedEscape_ReturnsFalse(string key)
    {
        Assert.False(TableKeys.TryDecode(key, out _));
    }
}
