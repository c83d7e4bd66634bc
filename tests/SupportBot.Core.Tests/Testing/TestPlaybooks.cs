using SupportBot.Playbooks;

namespace SupportBot.Tests.Testing;

/// <summary>Small playbooks written for tests, so each test reads on its own.</summary>
internal static class TestPlaybooks
{
    public static PlaybookDefinition Parse(string yaml)
    {
        var id = System.Text.RegularExpressions.Regex.Match(yaml, @"^id:\s*(\S+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        var (playbook, errors) = new PlaybookParser().Parse(id + ".yaml", yaml);
        return playbook ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }

    /// <summary>One step of every prompt kind, a branch on the confirm answer, and two outcomes.</summary>
    public const string DeviceCheck = """
        id: device-check
        title: Device check
        summary: "Checking the device for {{agent}}."
        triggers:
          keywords: [device check]
          examples: [cx device is broken]
        steps:
          - id: photos
            ask: attachment
            field: photos
            prompt: Attach photos of the device, or say they were requested.
            help: Photos show the damage to the reviewer.
          - id: model
            ask: choice
            field: model
            prompt: Which model?
            help: The model decides the replacement part.
            choices:
              - { value: alpha-one, label: Alpha One, synonyms: [a1] }
              - { value: beta-two, label: Beta Two }
              - { value: gamma, label: Gamma Max }
          - id: count
            ask: number
            field: count
            prompt: How many units?
            help: The count goes on the order.
            min: 1
            max: 10
          - id: injured
            ask: confirm
            field: injured
            prompt: Was anyone hurt?
            help: Injuries are escalated at once.
            max_attempts: 2
            next:
              - when: { field: injured, equals: true }
                goto: outcome:urgent
          - id: notes
            ask: text
            field: notes
            prompt: Anything else?
            help: Free notes for the ticket.
        outcomes:
          default:
            title: Device checked
            actions: ["Ship {{count}} x {{model}}."]
            note:
              customer: Account holder
              reason: "Device check, model {{model}}."
              resolution: ["Photos {{photos}}.", "Notes {{notes|none}}."]
            disposition: { category: Tech Support, name: Device Check }
          urgent:
            title: Injury reported
            actions: [Escalate now.]
            note:
              reason: "Injury with {{model}}."
              resolution: [Escalated.]
            disposition: { category: Tech Support, name: Safety }
            escalation: { route: escalation-lead, urgency: urgent, reason: Someone was hurt. }
        """;
}
