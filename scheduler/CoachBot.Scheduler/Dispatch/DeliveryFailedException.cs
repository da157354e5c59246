namespace CoachBot.Scheduler.Dispatch;

/// <summary>A send did not get through after its attempts; <see cref="IsPermanent"/> when retrying cannot help.</summary>
public sealed class DeliveryFailedException : Exception
{
    public DeliveryFailedException()
    {
    }

    public DeliveryFailedException(string message)
        : base(message)
    {
    }

    public DeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryFailedException(string message, bool isPermanent, Exception? innerException)
        : base(message, innerException) => IsPermanent = isPermanent;

    /// <summary>True when the person can no longer be reached (the platform said so).</summary>
    public bool IsPermanent { get; }
}
