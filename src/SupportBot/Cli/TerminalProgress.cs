namespace SupportBot.Host.Cli;

/// <summary>
/// A one-line progress counter on an interactive terminal; silent when output is redirected, so piped
/// and CI output stays clean.
/// </summary>
internal sealed class TerminalProgress(string label, int total, TextWriter writer) : IProgress<int>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected && total >= 50;
    private int _lastShown = -1;

    public void Report(int value)
    {
        if (!_enabled)
        {
            return;
        }

        var percent = total == 0 ? 100 : value * 100 / total;
        if (percent != _lastShown)
        {
            _lastShown = percent;
            writer.Write($"\r{label} {value}/{total} ({percent}%)");
        }
    }

    public void Done()
    {
        if (_enabled && _lastShown >= 0)
        {
            writer.Write("\r" + new string(' ', label.Length + 24) + "\r");
        }
    }

    public void Dispose() => Done();
}
