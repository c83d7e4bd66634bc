using System.CommandLine;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>Where a command writes: results to <see cref="Out"/>, errors and <c>--verbose</c> notes to <see cref="Error"/>.</summary>
internal sealed record CliIo(TextWriter Out, TextWriter Error)
{
    /// <summary>The writers of this invocation (the console unless the caller passed others).</summary>
    public static CliIo Of(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
    }
}

/// <summary>A command failed for a reason the user can act on; the message is printed as is and the exit code is 1.</summary>
internal sealed class CliException(string message) : Exception(message);
