using CoachBot.Slack.Install;
using CoachBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Tests.Install;

public sealed class SlackInstallOptionsValidatorTests
{
    [Fact]
    public void OAuth_without_a_key_fails_and_says_how_to_create_one_and_where_to_put_it()
    {
        var validator = Validator(new SlackOptions { ClientId = "1.2", ClientSecret = "shh" });

        var result = validator.Validate(null, new SlackInstallOptions());

        Assert.True(result.Failed);
        Assert.Contains("openssl rand -base64 32", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack__TokenEncryptionKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("user-secrets", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("shh", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_OAuth_and_no_key_is_fine()
    {
        var result = Validator(new SlackOptions { BotToken = "xoxb-1" }).Validate(null, new SlackInstallOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void A_key_that_is_not_32_bytes_of_base64_fails_without_echoing_it(string key)
    {
        var result = Validator(new SlackOptions()).Validate(null, new SlackInstallOptions { TokenEncryptionKey = key });

        Assert.True(result.Failed);
        Assert.Contains("not 32 bytes of base64", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_key_with_OAuth_is_fine()
    {
        var result = Validator(new SlackOptions { ClientId = "1.2", ClientSecret = "shh" })
            .Validate(null, new SlackInstallOptions { TokenEncryptionKey = InstallTestSupport.NewKey() });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void AddSlackInstall_binds_the_Slack_section_and_validates_it()
    {
        var key = InstallTestSupport.NewKey();
        using var good = Provider(new() { ["Slack:ClientId"] = "1.2", ["Slack:ClientSecret"] = "shh", ["Slack:TokenEncryptionKey"] = key, ["Slack:StateLifetime"] = "00:05:00" });
        using var bad = Provider(new() { ["Slack:ClientId"] = "1.2", ["Slack:ClientSecret"] = "shh" });

        var options = good.GetRequiredService<IOptions<SlackInstallOptions>>().Value;
        Assert.Equal(key, options.TokenEncryptionKey);
        Assert.Equal(TimeSpan.FromMinutes(5), options.StateLifetime);
        Assert.True(good.GetRequiredService<SlackTokenProtector>().HasKey);
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<SlackInstallOptions>>().Value);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlackInstall_registers_Socket_Mode_only_with_an_app_token()
    {
        var without = new ServiceCollection().AddSlackInstall(Config(new() { ["Slack:BotToken"] = "xoxb-1" }));
        var with = new ServiceCollection().AddSlackInstall(Config(new() { ["Slack:AppToken"] = "xapp-1" }));

        Assert.DoesNotContain(without, d => d.ImplementationType == typeof(SlackSocketModeClient));
        Assert.Contains(with, d => d.ImplementationType == typeof(SlackSocketModeClient));
        Assert.Contains(with, d => d.ServiceType == typeof(CoachBot.Slack.Api.ISlackTokenSource));
    }

    private static SlackInstallOptionsValidator Validator(SlackOptions slack) => new(Options.Create(slack));

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Provider(Dictionary<string, string?> values)
    {
        var configuration = Config(values);
        var services = new ServiceCollection().AddLogging();
        services.Configure<SlackOptions>(configuration.GetSection(SlackOptions.SectionName));
        services.AddSlackInstall(configuration);
        return services.BuildServiceProvider();
    }
}
