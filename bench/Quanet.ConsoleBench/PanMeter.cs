using Microsoft.Playwright;

namespace Quanet.ConsoleBench;

/// <summary>Frame timing of mouse pans on the console's map, from requestAnimationFrame timestamps in the page.</summary>
internal static class PanMeter
{
    private const string Record = """
        () => {
          window.__frames = [];
          window.__stop = false;
          const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
          requestAnimationFrame(tick);
        }
        """;

    /// <summary>Three mouse drags across the map; frames per second and the longest frame while dragging, and the redraw after.</summary>
    public static async Task<(double FramesPerSecond, double WorstFrameMs, double RedrawMs)> DragAsync(IPage page)
    {
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        var (cx, cy) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        double frames = 0, span = 0, worst = 0, redraw = 0;
        foreach (var (dx, dy) in new[] { (-300.0, -150.0), (300.0, 150.0), (200.0, -200.0) })
        {
            await page.EvaluateAsync(Record);
            await page.Mouse.MoveAsync((float)cx, (float)cy);
            await page.Mouse.DownAsync();
            var start = await page.EvaluateAsync<double>("performance.now()");
            await page.Mouse.MoveAsync((float)(cx + dx), (float)(cy + dy), new() { Steps = 100 });
            var end = await page.EvaluateAsync<double>("performance.now()");
            await page.Mouse.UpAsync();
            // let the redraw after the drag (Leaflet redraws its canvas on moveend) finish, then stop recording
            await page.EvaluateAsync("new Promise(r => setTimeout(r, 1500))");
            var times = await page.EvaluateAsync<double[]>("(() => { window.__stop = true; return window.__frames; })()");
            var during = times.Where(t => t >= start && t <= end).ToArray();
            frames += during.Length - 1;
            span += during[^1] - during[0];
            for (var i = 1; i < during.Length; i++)
            {
                worst = Math.Max(worst, during[i] - during[i - 1]);
            }

            var after = times.Where(t => t > end).ToArray();
            for (var i = 1; i < after.Length; i++)
            {
                redraw = Math.Max(redraw, after[i] - after[i - 1]);
            }
        }

        return (frames / span * 1000, worst, redraw);
    }
}
