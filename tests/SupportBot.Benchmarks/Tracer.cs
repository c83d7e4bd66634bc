namespace SupportBot.Benchmarks;

/// <summary>Prints the first N messages sent and replies received (--trace N), to check what the bot says.</summary>
internal sealed class Tracer(int budget, TextWriter log)
{
    private int remaining = budget;

    public bool Enabled => Volatile.Read(ref remaining) > 0;

    public void Write(string direction, string? activityId, string? text)
    {
        if (Interlocked.Decrement(ref remaining) < 0)
        {
            return;
        }

        var shown = (text ?? "(no text)").ReplaceLineEndings(" | ");
        if (shown.Length > 300)
        {
            shown = shown[..300] + "...";
        }

        log.WriteLine($"{direction} {activityId}: {shown}");
    }
}
