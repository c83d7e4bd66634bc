using System.Text.Json.Serialization;

namespace SupportBot.Dialogs.Prompts;

/// <summary>What a prompt asks, how it retries and what it accepts. Stored with the prompt's state.</summary>
/// <remarks>Saved with every waiting prompt, so optional members are left out of the JSON when unset.</remarks>
public sealed class PromptOptions
{
    public string Prompt { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RetryPrompt { get; set; }

    /// <summary>What this step needs and why, shown when the agent asks for help.</summary>
    public string? Help { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>Answers that do not fit before the prompt gives up; at least 1.</summary>
    public int MaxAttempts { get; set; } = 3;

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }
}

/// <summary>One option of a choice prompt.</summary>
public sealed class Choice
{
    public string Value { get; set; } = "";

    public string Label { get; set; } = "";

    public List<string>? Synonyms { get; set; }
}
