using SupportBot.Recognition;

namespace SupportBot.Bot;

/// <summary>The words that interrupt whatever dialog is running.</summary>
public enum AgentCommand
{
    None,
    Help,
    Cancel,
    StartOver,
    Back,
    ListPlaybooks,
}

public static class AgentCommands
{
    private static readonly Dictionary<string, AgentCommand> Phrases = new(StringComparer.Ordinal)
    {
        ["help"] = AgentCommand.Help,
        ["h"] = AgentCommand.Help,
        ["what do you need"] = AgentCommand.Help,
        ["why"] = AgentCommand.Help,
        ["why do you need this"] = AgentCommand.Help,
        ["help me"] = AgentCommand.Help,
        ["cancel"] = AgentCommand.Cancel,
        ["stop"] = AgentCommand.Cancel,
        ["quit"] = AgentCommand.Cancel,
        ["abort"] = AgentCommand.Cancel,
        ["never mind"] = AgentCommand.Cancel,
        ["nevermind"] = AgentCommand.Cancel,
        ["exit"] = AgentCommand.Cancel,
        ["cancel that"] = AgentCommand.Cancel,
        ["start over"] = AgentCommand.StartOver,
        ["restart"] = AgentCommand.StartOver,
        ["reset"] = AgentCommand.StartOver,
        ["startover"] = AgentCommand.StartOver,
        ["start again"] = AgentCommand.StartOver,
        ["begin again"] = AgentCommand.StartOver,
        ["back"] = AgentCommand.Back,
        ["go back"] = AgentCommand.Back,
        ["previous"] = AgentCommand.Back,
        ["undo"] = AgentCommand.Back,
        ["previous question"] = AgentCommand.Back,
        ["previous step"] = AgentCommand.Back,
        ["playbooks"] = AgentCommand.ListPlaybooks,
        ["menu"] = AgentCommand.ListPlaybooks,
        ["list"] = AgentCommand.ListPlaybooks,
        ["list playbooks"] = AgentCommand.ListPlaybooks,
        ["show playbooks"] = AgentCommand.ListPlaybooks,
    };

    /// <summary>Recognises a command only when it is the whole message, so "cx wants to cancel" is not one.</summary>
    public static AgentCommand Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.StartsWith("please ", StringComparison.Ordinal))
        {
            normalized = normalized["please ".Length..];
        }

        return Phrases.GetValueOrDefault(normalized, AgentCommand.None);
    }
}
