using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// Checks <see cref="AnswerKeyOptions"/> at start-up: a real storage account needs a real key. Messages name the
/// setting and the fix and never repeat the key.
/// </summary>
public sealed class AnswerKeyOptionsValidator : IValidateOptions<AnswerKeyOptions>
{
    private readonly IOptions<StorageOptions> _storage;

    public AnswerKeyOptionsValidator(IOptions<StorageOptions> storage) => _storage = storage;

    public ValidateOptionsResult Validate(string? name, AnswerKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ReflectionAnswerKey))
        {
            bool emulator;
            try
            {
                emulator = _storage.Value.IsEmulator;
            }
            catch (OptionsValidationException)
            {
                // Storage's own settings are wrong and their validator says how; one message per mistake.
                return ValidateOptionsResult.Success;
            }

            return emulator
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Privacy:ReflectionAnswerKey is not set, and storage is a real account: set it to 32 random bytes in base64 " +
                    "(e.g. the output of 'openssl rand -base64 32') through the environment variable Privacy__ReflectionAnswerKey " +
                    "from Key Vault, and keep it for good (a new key makes existing reflection answers unreachable for their authors).");
        }

        return ReflectionAnswerKey.TryDecode(options.ReflectionAnswerKey) is null
            ? ValidateOptionsResult.Fail(
                $"Privacy:ReflectionAnswerKey is not base64 of at least {AnswerKeyOptions.MinKeyBytes} bytes (its value is not shown: " +
                "it is a secret); generate one with 'openssl rand -base64 32' and set it again.")
            : ValidateOptionsResult.Success;
    }
}
