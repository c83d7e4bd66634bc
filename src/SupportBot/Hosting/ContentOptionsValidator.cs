using Microsoft.Extensions.Options;

namespace SupportBot.Host.Hosting;

/// <summary>Checks at start-up that the playbook folder and knowledge file exist, naming the setting.</summary>
internal sealed class ContentOptionsValidator : IValidateOptions<DialogsOptions>, IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, DialogsOptions options) =>
        Directory.Exists(ContentPaths.Resolve(options.Path))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Dialogs:Path '{options.Path}' is not a folder (looked for {ContentPaths.Resolve(options.Path)}).");

    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        if (!File.Exists(ContentPaths.Resolve(options.Path)))
        {
            failures.Add($"Knowledge:Path '{options.Path}' is not a file (looked for {ContentPaths.Resolve(options.Path)}).");
        }

        if (!File.Exists(ContentPaths.Resolve(options.DispositionsPath)))
        {
            failures.Add($"Knowledge:DispositionsPath '{options.DispositionsPath}' is not a file (looked for {ContentPaths.Resolve(options.DispositionsPath)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
