using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot;

/// <summary>How sure SupportBot must be before it acts on a description or answers a question.</summary>
public sealed class TriageOptions
{
    public const string SectionName = "Triage";

    /// <summary>A playbook this confident (0-1) starts at once.</summary>
    [Range(0.0, 1.0)]
    public double StartThreshold { get; set; } = 0.6;

    /// <summary>Playbooks at least this confident are offered as choices when none is clearly best.</summary>
    [Range(0.0, 1.0)]
    public double SuggestThreshold { get; set; } = 0.3;

    /// <summary>A knowledge entry at least this confident answers a question.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.6;
}
