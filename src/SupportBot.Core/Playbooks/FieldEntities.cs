using SupportBot.Recognition.Entities;

namespace SupportBot.Playbooks;

/// <summary>
/// Which recognised value can answer which playbook field, by the field's name: a value the agent
/// mentioned earlier ("order 100-2000-3000") fills the later question for <c>order_number</c>.
/// </summary>
public static class FieldEntities
{
    private static readonly Dictionary<string, (EntityKind Kind, string? Label)> ByField = new(StringComparer.Ordinal)
    {
        ["order_number"] = (EntityKind.OrderNumber, null),
        ["ticket_number"] = (EntityKind.TicketNumber, null),
        ["customer_email"] = (EntityKind.Email, null),
        ["email"] = (EntityKind.Email, null),
        ["customer_phone"] = (EntityKind.Phone, null),
        ["phone"] = (EntityKind.Phone, null),
        ["callback_number"] = (EntityKind.Phone, null),
        ["camera_model"] = (EntityKind.CameraModel, null),
        ["device_model"] = (EntityKind.CameraModel, null),
        ["serial_number"] = (EntityKind.SerialNumber, null),
        ["firmware_version"] = (EntityKind.FirmwareVersion, null),
        ["wan_ip"] = (EntityKind.IpAddress, "wan"),
        ["lan_ip"] = (EntityKind.IpAddress, "lan"),
        ["http_port"] = (EntityKind.Port, "http"),
        ["tcp_port"] = (EntityKind.Port, "tcp"),
        ["amount"] = (EntityKind.Money, null),
        ["refund_amount"] = (EntityKind.Money, null),
    };

    /// <summary>The fields that can be filled from recognised values, for documentation and tests.</summary>
    public static IEnumerable<string> Fields => ByField.Keys;

    /// <summary>The value remembered for this field, if the conversation has one that fits.</summary>
    public static RememberedEntity? Find(string field, IReadOnlyList<RememberedEntity> memory)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(memory);
        if (!ByField.TryGetValue(field, out var wanted))
        {
            return null;
        }

        var kind = wanted.Kind.ToString();
        var ofKind = memory.Where(e => e.Kind == kind).ToList();

        // A labelled value ("wan ip 203.0.113.7") is preferred; an unlabelled one only fits when it is the only one.
        return wanted.Label is null
            ? ofKind.LastOrDefault()
            : ofKind.LastOrDefault(e => e.Label == wanted.Label) ?? (ofKind.Count == 1 && ofKind[0].Label is null ? ofKind[0] : null);
    }
}

/// <summary>A value recognised earlier in the conversation, kept until the case is finished.</summary>
public sealed record RememberedEntity(string Kind, string Value, string Text, string? Label, decimal? Amount);

/// <summary>The values this conversation has mentioned so far, put on the turn for playbook steps.</summary>
public sealed record EntityMemory(IReadOnlyList<RememberedEntity> Entities);
