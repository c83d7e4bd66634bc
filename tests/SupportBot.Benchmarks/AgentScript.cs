namespace SupportBot.Benchmarks;

/// <summary>
/// What the simulated agents type. The default walks the battery-belt playbook (dialogs/battery-belt-damage.yaml)
/// from the incident report through photos, safety check, camera model, who is on the contact and the order
/// number to its outcome, then starts over, so every conversation loops through a whole dialog. The exact bot
/// behaviour does not matter for the measurement as long as every message gets at least one reply.
/// </summary>
internal sealed class AgentScript
{
    private static readonly string[] DefaultMessages =
    [
        "cust says battery belt melted",
        "customer is emailing the photos",
        "no",
        "Reveal X-Pro",
        "account holder",
        "order 100-2000-3000",
        "start over",
    ];

    private AgentScript(IReadOnlyList<string> messages) => Messages = messages;

    public IReadOnlyList<string> Messages { get; }

    public string this[int step] => Messages[step % Messages.Count];

    public static AgentScript Default { get; } = new(DefaultMessages);

    /// <summary>Reads one message per line; blank lines and lines starting with '#' are skipped.</summary>
    public static AgentScript Load(string? path)
    {
        if (path is null)
        {
            return Default;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionsException($"--script: cannot read '{path}': {e.Message}");
        }

        var messages = lines
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray();
        if (messages.Length == 0)
        {
            throw new OptionsException($"--script: '{path}' has no messages");
        }

        return new AgentScript(messages);
    }
}
