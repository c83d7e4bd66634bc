using System.CommandLine;
using SupportBot.Host.Cli;
using SupportBot.Host.Hosting;

namespace SupportBot.Host;

/// <summary>
/// The <c>supportbot</c> command. With no command it runs the web host (any ASP.NET Core option such
/// as <c>--urls</c> or <c>--Storage:Path</c> passes through); <c>chat</c> and <c>validate</c> work
/// without a web server.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("SupportBot: agent-assist triage, knowledge and escalation for support teams.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, _) => WebHost.RunAsync([.. parse.UnmatchedTokens]));

        var conversation = new Option<string>("--conversation")
        {
            Description = "Conversation id to continue (default: one per operating-system user).",
            DefaultValueFactory = _ => "terminal-" + Environment.UserName,
        };
        var chat = new Command("chat", "Chat with SupportBot in this terminal, on the configured database.") { conversation };
        chat.TreatUnmatchedTokensAsErrors = false;
        chat.SetAction((parse, ct) => ChatCommand.RunAsync(parse.GetValue(conversation)!, [.. parse.UnmatchedTokens], ct));
        root.Subcommands.Add(chat);

        var folder = new Argument<string>("folder")
        {
            Description = "The playbooks folder.",
            DefaultValueFactory = _ => "dialogs",
        };
        var validate = new Command("validate", "Check every playbook in the folder and report file:line:column errors.") { folder };
        validate.SetAction(parse => ValidateCommand.Run(parse.GetValue(folder)!, Console.Out, Console.Error));
        root.Subcommands.Add(validate);

        return await root.Parse(args).InvokeAsync();
    }
}
