namespace CoachBot.Content.Loading;

/// <summary>One thing wrong with a content file: where and why.</summary>
/// <param name="File">Path relative to the content root, e.g. <c>en/actions.yaml</c>.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Reason">What is wrong and what to do.</param>
public sealed record ContentProblem(string File, long Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}
