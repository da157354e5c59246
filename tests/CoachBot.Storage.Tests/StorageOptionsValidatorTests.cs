using CoachBot.Storage.Azurite;

namespace CoachBot.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = _validator.Validate(null, new StorageOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_AzuriteConnectionStringAndLongestPrefix_Succeeds()
    {
        var options = new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};TableEndpoint=http://127.0.0.1:10002/{AzuriteProcess.AccountName};",
            TablePrefix = "a" + new string('9', StorageOptions.MaxTablePrefixLength - 1),
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_PrefixWithHyphen_FailsNamingTheSettingAndTheFix()
    {
        var result = _validator.Validate(null, new StorageOptions { TablePrefix = "x-y" });

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("Storage:TablePrefix 'x-y' must be", message, StringComparison.Ordinal);
        Assert.Contains("set it to", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1coachbot")]
    [InlineData("coach_bot")]
    [InlineData("コーチ")]
    [InlineData("abcdefghijklmnopqrstu")]
    public void Validate_InvalidPrefix_Fails(string prefix)
    {
        var result = _validator.Validate(null, new StorageOptions { TablePrefix = prefix });

        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:TablePrefix", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyConnectionString_FailsNamingTheSettingAndTheFix()
    {
        var result = _validator.Validate(null, new StorageOptions { ConnectionString = " " });

        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("Storage:ConnectionString is empty", message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedConnectionString_FailsWithoutRepeatingIt()
    {
        const string secret = "Sup3rSecretKeyValue";

        var result = _validator.Validate(null, new StorageOptions { ConnectionString = $"not a connection string {secret}" });

        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("Storage:ConnectionString is not a Table Storage connection string", message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UseDevelopmentStorage=true")]
    public void Validate_ServiceUriWithNoConnectionString_SucceedsAndIsKeyless(string connectionString)
    {
        var options = new StorageOptions { ServiceUri = "https://coachbotprod.table.core.windows.net", ConnectionString = connectionString };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(options.IsKeyless);
        Assert.False(options.IsEmulator);
    }

    [Theory]
    [InlineData("http://coachbotprod.table.core.windows.net")]
    [InlineData("https://coachbotprod.table.core.windows.net/?sv=2024-01-01&sig=abc")]
    [InlineData("coachbotprod.table.core.windows.net")]
    public void Validate_ServiceUriNotAPlainHttpsEndpoint_FailsNamingTheSettingAndNotRepeatingASas(string serviceUri)
    {
        var result = _validator.Validate(null, new StorageOptions { ServiceUri = serviceUri, ConnectionString = string.Empty });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ServiceUri must be the account's https table endpoint", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=abc", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ServiceUriNextToARealConnectionString_FailsNamingBothWithoutTheKey()
    {
        var options = new StorageOptions
        {
            ServiceUri = "https://coachbotprod.table.core.windows.net",
            ConnectionString = "DefaultEndpointsProtocol=https;AccountName=coachbotprod;AccountKey=c2VjcmV0c2VjcmV0;EndpointSuffix=core.windows.net",
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:ServiceUri and Storage:ConnectionString are both set", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", result.FailureMessage, StringComparison.Ordinal);
    }
}
