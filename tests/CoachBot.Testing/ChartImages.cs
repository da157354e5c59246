namespace CoachBot.Testing;

/// <summary>Checks the chart images of a rendered answer the way a chat client would load them.</summary>
public static class ChartImages
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    /// <summary>
    /// There is at least one image; each has alt text, lies under <paramref name="prefix"/>, and the host behind
    /// <paramref name="client"/> serves a PNG at its path.
    /// </summary>
    public static async Task AssertServedAsync(HttpClient client, IReadOnlyCollection<(string Url, string? Alt)> images, string prefix)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(images);
        Assert.NotEmpty(images);
        foreach (var (url, alt) in images)
        {
            Assert.StartsWith(prefix, url, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(alt));
            using var chart = await client.GetAsync(new Uri(url).PathAndQuery);
            Assert.Equal(System.Net.HttpStatusCode.OK, chart.StatusCode);
            Assert.Equal(PngSignature, (await chart.Content.ReadAsByteArrayAsync()).Take(PngSignature.Length));
        }
    }
}
