using System.CommandLine;
using SupportBot.Host.Cli.Conversations;
using SupportBot.Host.Cli.Reports;
using SupportBot.Host.Cli.Transcripts;

namespace SupportBot.Tests.Cli;

/// <summary>What a command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the data commands in this process, as <c>supportbot</c> would, capturing their output.</summary>
internal static class TranscriptsCliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var root = new RootCommand("supportbot (test)");
        root.Subcommands.Add(TranscriptsCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(ConversationsCommand.Build());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
