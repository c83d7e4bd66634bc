using SupportBot.Host.Hosting;
using SupportBot.Playbooks;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot validate [FOLDER]</c>: checks the playbooks without starting anything.</summary>
internal static class ValidateCommand
{
    public static int Run(string folder, TextWriter output, TextWriter error)
    {
        var full = ContentPaths.Resolve(folder);
        var (playbooks, errors) = PlaybookCatalog.Validate(full);
        foreach (var problem in errors)
        {
            error.WriteLine(problem);
        }

        if (errors.Count > 0)
        {
            error.WriteLine($"{errors.Count} error(s) in {full}.");
            return 1;
        }

        foreach (var playbook in playbooks)
        {
            output.WriteLine($"ok  {playbook.Id,-28} {playbook.Steps.Count} steps, {playbook.Outcomes.Count} outcomes  ({playbook.SourceFile})");
        }

        output.WriteLine($"{playbooks.Count} playbook(s) valid in {full}.");
        return 0;
    }
}
