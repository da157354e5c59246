using CoachBot.Slack.Install;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Tests.Install;

public sealed class SlackTokenProtectorTests
{
    private const string Token = "xoxb-1234-5678-secretvalue";

    [Fact]
    public void Protect_then_Unprotect_for_the_same_team_gives_the_token_back()
    {
        var protector = InstallTestSupport.Protector(InstallTestSupport.NewKey());

        var stored = protector.Protect(Token, "T123");

        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("secretvalue", stored, StringComparison.Ordinal);
        Assert.Equal(Token, protector.Unprotect(stored, "T123"));
    }

    [Fact]
    public void Protect_twice_gives_different_ciphertexts()
    {
        var protector = InstallTestSupport.Protector(InstallTestSupport.NewKey());

        Assert.NotEqual(protector.Protect(Token, "T123"), protector.Protect(Token, "T123"));
    }

    [Fact]
    public void Unprotect_of_a_tampered_token_is_null_and_logs_why_without_the_token()
    {
        var logger = new RecordingLogger<SlackTokenProtector>();
        var protector = InstallTestSupport.Protector(InstallTestSupport.NewKey(), logger);
        var stored = protector.Protect(Token, "T123");
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[20] ^= 0x01;

        var result = protector.Unprotect("v1:" + Convert.ToBase64String(bytes), "T123");

        Assert.Null(result);
        var warning = Assert.Single(logger.At(LogLevel.Warning));
        Assert.Contains("T123", warning.Message, StringComparison.Ordinal);
        Assert.Contains("not installed", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_for_another_team_is_null()
    {
        var protector = InstallTestSupport.Protector(InstallTestSupport.NewKey());
        var stored = protector.Protect(Token, "T123");

        Assert.Null(protector.Unprotect(stored, "T999"));
    }

    [Fact]
    public void Unprotect_with_another_key_is_null()
    {
        var stored = InstallTestSupport.Protector(InstallTestSupport.NewKey()).Protect(Token, "T123");

        Assert.Null(InstallTestSupport.Protector(InstallTestSupport.NewKey()).Unprotect(stored, "T123"));
    }

    [Theory]
    [InlineData("xoxb-plain-text-token")]
    [InlineData("v1:not base64!")]
    [InlineData("v1:AAAA")]
    public void Unprotect_of_a_value_not_in_the_v1_format_is_null(string stored)
    {
        var logger = new RecordingLogger<SlackTokenProtector>();
        var protector = InstallTestSupport.Protector(InstallTestSupport.NewKey(), logger);

        Assert.Null(protector.Unprotect(stored, "T123"));
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains(stored, StringComparison.Ordinal));
    }

    [Fact]
    public void Protect_without_a_key_says_how_to_create_one()
    {
        var protector = InstallTestSupport.Protector(null);

        var error = Assert.Throws<InvalidOperationException>(() => protector.Protect(Token, "T123"));

        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack__TokenEncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.False(protector.HasKey);
    }

    [Fact]
    public void Unprotect_without_a_key_is_null()
    {
        var stored = InstallTestSupport.Protector(InstallTestSupport.NewKey()).Protect(Token, "T123");

        Assert.Null(InstallTestSupport.Protector(null).Unprotect(stored, "T123"));
    }
}
