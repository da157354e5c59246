namespace CoachBot.Content;

/// <summary>Where the coaching content lives (configuration section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// Folder holding <c>en/</c> and <c>ja/</c>. Empty means the copy shipped beside the application
    /// (<c>{AppContext.BaseDirectory}/content</c>), which the build keeps in sync with the repository's content/.
    /// </summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The folder to load from, resolving the default.</summary>
    public string ResolvedPath =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "content") : System.IO.Path.GetFullPath(Path);
}
