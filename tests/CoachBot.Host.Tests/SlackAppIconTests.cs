using SkiaSharp;

namespace CoachBot.Host.Tests;

/// <summary>
/// The Slack app icon (<c>bot/manifests/slack/app-icon.png</c>, uploaded by hand: Slack manifests cannot carry an
/// icon) is our own drawing, made here: a rising three-step path to a star on CoachBot's navy. Slack takes a square
/// PNG from 512 to 2000 pixels a side. To draw it again after changing <see cref="Draw"/>, run this class with
/// <c>COACHBOT_DRAW_ICON=1</c>; the committed file must then match the drawing pixel for pixel.
/// </summary>
public sealed class SlackAppIconTests
{
    private const int Size = 1024;

    private static readonly string IconPath = Path.Combine(Repository.Root, "bot", "manifests", "slack", "app-icon.png");

    [Fact]
    public void SlackIcon_IsASquarePngOfASizeSlackAccepts_AndIsOurDrawing()
    {
        using var drawn = Draw(Size);
        if (Environment.GetEnvironmentVariable("COACHBOT_DRAW_ICON") == "1")
        {
            using var data = drawn.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(IconPath, data.ToArray());
        }

        using var committed = SKBitmap.Decode(IconPath);

        Assert.NotNull(committed);
        Assert.Equal(committed.Width, committed.Height);
        Assert.InRange(committed.Width, 512, 2000);
        using var drawnBitmap = SKBitmap.FromImage(drawn);
        Assert.Equal(drawnBitmap.Width, committed.Width);
        Assert.True(drawnBitmap.Pixels.SequenceEqual(committed.Pixels), "bot/manifests/slack/app-icon.png is not the drawing; run with COACHBOT_DRAW_ICON=1");
    }

    /// <summary>CoachBot's icon at <paramref name="size"/> pixels a side.</summary>
    internal static SKImage Draw(int size)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var u = size / 16f;
        canvas.Clear(new SKColor(0x1F, 0x3A, 0x5F));
        using var step = new SKPaint { Color = new SKColor(0xF2, 0xF5, 0xF9), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = u * 1.1f, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
        using var path = new SKPath();
        path.MoveTo(3 * u, 13 * u);
        path.LineTo(6 * u, 13 * u);
        path.LineTo(6 * u, 10 * u);
        path.LineTo(9 * u, 10 * u);
        path.LineTo(9 * u, 7 * u);
        path.LineTo(11.5f * u, 7 * u);
        canvas.DrawPath(path, step);
        using var star = new SKPaint { Color = new SKColor(0xF5, 0xB9, 0x42), IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawPath(Star(12.5f * u, 4.2f * u, 2.1f * u, 0.9f * u), star);
        surface.Canvas.Flush();
        return surface.Snapshot();
    }

    private static SKPath Star(float cx, float cy, float outer, float inner)
    {
        var star = new SKPath();
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = (-90 + (i * 36)) * MathF.PI / 180;
            var point = new SKPoint(cx + (radius * MathF.Cos(angle)), cy + (radius * MathF.Sin(angle)));
            if (i == 0)
            {
                star.MoveTo(point);
            }
            else
            {
                star.LineTo(point);
            }
        }

        star.Close();
        return star;
    }
}
