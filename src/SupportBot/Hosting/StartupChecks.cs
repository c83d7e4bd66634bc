using SupportBot.Dialogs;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Host.Hosting;

/// <summary>
/// Opens the database and loads playbooks and knowledge before the host accepts traffic, so a broken
/// file stops start-up with a clear message instead of failing the first agent's turn.
/// </summary>
internal static class StartupChecks
{
    /// <summary>Returns null when everything loaded; otherwise the message to print.</summary>
    public static string? Run(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<LiteDbContext>();
            services.GetRequiredService<PlaybookCatalog>();
            services.GetRequiredService<IKnowledgeBase>();
            services.GetRequiredService<DialogSet>();
            return null;
        }
        catch (PlaybookValidationException ex)
        {
            return ex.Message;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            return "Configuration error: " + string.Join(" ", ex.Failures);
        }
        catch (SupportBot.Storage.StorageUnavailableException ex)
        {
            return ex.Message;
        }
        catch (InvalidDataException ex)
        {
            return ex.Message;
        }
        catch (FileNotFoundException ex)
        {
            return ex.Message;
        }
    }
}
