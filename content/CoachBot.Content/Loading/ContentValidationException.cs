namespace CoachBot.Content.Loading;

/// <summary>The content failed validation; the message lists every problem with file, line and reason.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(string contentRoot, IReadOnlyList<ContentProblem> problems)
        : base(BuildMessage(contentRoot, problems))
    {
        Problems = problems;
    }

    public ContentValidationException()
    {
        Problems = [];
    }

    public ContentValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string BuildMessage(string contentRoot, IReadOnlyList<ContentProblem> problems) =>
        $"Coaching content in '{contentRoot}' is invalid ({problems.Count} problem(s)); fix the files and start again:"
        + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
