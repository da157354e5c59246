using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage;

/// <summary>
/// Checks <see cref="StorageOptions"/> at start-up with messages that name the setting and the fix. The connection
/// string is a secret, so no message ever repeats it.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.IsKeyless)
        {
            failures.AddRange(ValidateServiceUri(options));
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(
                "Storage:ConnectionString is empty; set it to 'UseDevelopmentStorage=true' for a local Azurite, or to the " +
                "account's connection string through the environment variable Storage__ConnectionString or user-secrets.");
        }
        else if (!IsParsable(options.ConnectionString))
        {
            failures.Add(
                "Storage:ConnectionString is not a Table Storage connection string (its value is not shown because it may " +
                "hold a key); copy it again from the storage account's 'Access keys' page, or use 'UseDevelopmentStorage=true' " +
                "for a local Azurite.");
        }

        if (!IsValidPrefix(options.TablePrefix))
        {
            failures.Add(
                $"Storage:TablePrefix '{options.TablePrefix}' must be 1 to {StorageOptions.MaxTablePrefixLength} letters or digits " +
                "starting with a letter (Azure table names allow nothing else); set it to something like 'coachbot' or 'coachbotstaging'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ValidateServiceUri(StorageOptions options)
    {
        if (!Uri.TryCreate(options.ServiceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            // A token is only ever sent over TLS; a SAS in the query would be a key by another name.
            yield return "Storage:ServiceUri must be the account's https table endpoint without a query, e.g. " +
                "https://<account>.table.core.windows.net (the host signs in with its managed identity; no key or SAS).";
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString)
            && !string.Equals(options.ConnectionString.Trim(), StorageOptions.DevelopmentStorage, StringComparison.OrdinalIgnoreCase))
        {
            yield return "Storage:ServiceUri and Storage:ConnectionString are both set (the connection string's value is not shown); " +
                "keep Storage:ServiceUri for keyless access and set Storage:ConnectionString to empty, or remove Storage:ServiceUri " +
                "to use the connection string.";
        }
    }

    private static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix)
        && prefix.Length <= StorageOptions.MaxTablePrefixLength
        && char.IsAsciiLetter(prefix[0])
        && prefix.All(char.IsAsciiLetterOrDigit);

    private static bool IsParsable(string connectionString)
    {
        try
        {
            // The constructor only parses; it opens no connection.
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
