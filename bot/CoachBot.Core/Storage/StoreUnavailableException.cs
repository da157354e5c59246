namespace CoachBot.Core.Storage;

/// <summary>
/// The store could not be reached or failed for a reason that is not the caller's fault. Nothing was written by the
/// failing call; the user is told to try again.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
