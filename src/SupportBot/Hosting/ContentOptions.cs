using System.ComponentModel.DataAnnotations;

namespace SupportBot.Host.Hosting;

/// <summary>Where the playbooks live (section <c>Dialogs</c>).</summary>
public sealed class DialogsOptions
{
    public const string SectionName = "Dialogs";

    [Required(ErrorMessage = "Dialogs:Path must name the folder of playbook YAML files.")]
    public string Path { get; set; } = "dialogs";
}

/// <summary>Where the knowledge seeds live (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    [Required(ErrorMessage = "Knowledge:Path must name the knowledge YAML file.")]
    public string Path { get; set; } = "seeds/knowledge.yaml";

    [Required(ErrorMessage = "Knowledge:DispositionsPath must name the disposition catalogue YAML file.")]
    public string DispositionsPath { get; set; } = "seeds/dispositions.yaml";
}
