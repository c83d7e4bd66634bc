namespace SupportBot.Host.Channels.Teams;

/// <summary>
/// Where escalation summaries for <c>teams:&lt;channel id&gt;</c> destinations are posted (section <c>Teams</c>, next to
/// <see cref="Hosting.TeamsOptions"/>): the Bot Connector serviceUrl used to start threads proactively, and the tenant.
/// </summary>
public sealed class TeamsChannelOptions
{
    public const string SectionName = "Teams";

    /// <summary>The global proactive base; a channel registered from Teams uses the serviceUrl its message came with instead.</summary>
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    /// <summary><c>Teams:ServiceUrl</c>.</summary>
    public string ServiceUrl { get; set; } = DefaultServiceUrl;

    /// <summary><c>Teams:TenantId</c> (the same key <see cref="Hosting.TeamsOptions.TenantId"/> reads); sent when starting a thread.</summary>
    public string? TenantId { get; set; }
}

/// <summary>
/// Who may register a Teams channel for any route (section <c>Escalations</c>, key <c>Escalations:Admins</c>), on top
/// of the members of the route itself. Entries are Teams user ids (<c>29:...</c>) or Entra object ids.
/// </summary>
public sealed class TeamsRegistrationOptions
{
    public const string SectionName = "Escalations";

    /// <summary>Starts empty because configuration binding appends to a list.</summary>
    public List<string> Admins { get; set; } = [];
}
