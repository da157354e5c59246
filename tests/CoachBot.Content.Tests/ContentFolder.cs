namespace CoachBot.Content.Tests;

/// <summary>A private copy of the shipped content that a test may break without touching anyone else's.</summary>
internal sealed class ContentFolder : IDisposable
{
    public ContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "coachbot-content-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Shipped, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The content the build copies beside the test assembly (the same files the host ships).</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "content");

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string[] ReadLines(string relative) => File.ReadAllLines(PathOf(relative));

    public void Write(string relative, IEnumerable<string> lines) => File.WriteAllLines(PathOf(relative), lines);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
