namespace SupportBot.Storage.LiteDb;

/// <summary>Where the LiteDB file lives. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class LiteDbOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database file. A relative path is resolved against the process's current directory.</summary>
    public string Path { get; set; } = "./data/supportbot.db";
}
