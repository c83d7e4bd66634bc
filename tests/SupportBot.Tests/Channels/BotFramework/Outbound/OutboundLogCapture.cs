using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

/// <summary>Keeps every log line at every level, with its exception, to check what was (never) logged.</summary>
internal sealed class OutboundLogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public string All => string.Join(Environment.NewLine, lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(OutboundLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? " " + string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{structured}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
