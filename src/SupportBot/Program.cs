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

        root.Subcommands.Add(BuildNluCommand());
        root.Subcommands.Add(BuildAskCommand());
        root.Subcommands.Add(Cli.Teams.TeamsPackageCommand.Build());
        root.Subcommands.Add(Cli.Transcripts.TranscriptsCommand.Build());
        root.Subcommands.Add(Cli.Reports.ReportCommand.Build());
        root.Subcommands.Add(Cli.Conversations.ConversationsCommand.Build());

        return await root.Parse(args).InvokeAsync();
    }

    private static Command BuildNluCommand()
    {
        var file = new Argument<string>("file") { Description = "JSON Lines file: {\"text\": \"...\", \"intent\": \"<playbook id or none>\"} per line." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable summary (includes \"accuracy\")." };
        var report = new Option<string?>("--report") { Description = "Also write an HTML report (confusion heat map, per-intent bars, misclassified lines) into this folder." };
        var test = new Command("test", "Score intent recognition on a labelled set: accuracy, per-intent precision and recall, confusions.") { file, json, report };
        test.TreatUnmatchedTokensAsErrors = false;
        test.SetAction(parse => NluCommand.Run(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(report), [.. parse.UnmatchedTokens], Console.Out, Console.Error));
        var nlu = new Command("nlu", "Evaluate language understanding.");
        nlu.Subcommands.Add(test);
        return nlu;
    }

    private static Command BuildAskCommand()
    {
        var question = new Argument<string?>("question") { Description = "The question; omit it to answer one question per line of standard input.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "One JSON object per answer." };
        var ask = new Command("ask", "Answer a question from the knowledge seeds and show which entries it came from.") { question, json };
        ask.TreatUnmatchedTokensAsErrors = false;
        ask.SetAction(parse => AskCommand.Run(parse.GetValue(question), parse.GetValue(json), [.. parse.UnmatchedTokens], Console.In, Console.Out, Console.Error));
        return ask;
    }
}
