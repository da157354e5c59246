using CoachBot.Core.Delivery;

namespace CoachBot.Testing.Fakes;

/// <summary>What a platform's sender throws for someone it cannot reach (not in the workspace, app never added).</summary>
public sealed class UnreachableRecipientException : Exception, IRecipientFailure
{
    public UnreachableRecipientException()
        : base("The recipient cannot be reached.")
    {
    }

    public UnreachableRecipientException(string message)
        : base(message)
    {
    }

    public UnreachableRecipientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool IsPermanent => true;
}
