namespace SupportBot.Recognition.Entities;

/// <summary>
/// Finds order numbers, emails, phones, money, dates, durations, camera models, serials, firmware versions,
/// IP addresses, ports and ticket numbers in an agent's message, so a value mentioned early can fill a later
/// question. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Each kind has its own recogniser. Where their readings overlap, the one with the stronger cue wins:
/// an email; then a value after an explicit cue word ("order 5551234567" is an order, "fw 10.0.0.1" a version);
/// then values whose shape says what they are (money, IPs, dates, camera models); then unlabelled phone numbers;
/// then weaker guesses (unlabelled order shapes, a bare "#1234", durations). Ties go to the longer text, then the
/// earlier one. The result is in message order.
/// </remarks>
public sealed class EntityRecognizer
{
    private static readonly IEntitySource[] Sources =
    [
        new EmailRecognizer(),
        new OrderNumberRecognizer(),
        new TicketNumberRecognizer(),
        new HashNumberRecognizer(),
        new SerialNumberRecognizer(),
        new FirmwareVersionRecognizer(),
        new IpAddressRecognizer(),
        new PortRecognizer(),
        new MoneyRecognizer(),
        new RelativeDateRecognizer(),
        new AbsoluteDateRecognizer(),
        new DurationRecognizer(),
        new CameraModelRecognizer(),
        new PhoneRecognizer(),
    ];

    /// <summary>A shared instance; the recogniser holds no state.</summary>
    public static EntityRecognizer Default { get; } = new();

    /// <summary>The entities in <paramref name="text"/>, in the order they appear, none overlapping another.</summary>
    public IReadOnlyList<Entity> Recognize(string text, EntityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(context.DefaultRegion))
        {
            context = context with { DefaultRegion = "US" };
        }

        var candidates = new List<Candidate>();
        foreach (var source in Sources)
        {
            source.Collect(text, context, candidates);
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        candidates.Sort(static (a, b) =>
        {
            var order = b.Priority.CompareTo(a.Priority);
            if (order == 0)
            {
                order = b.Entity.Length.CompareTo(a.Entity.Length);
            }

            if (order == 0)
            {
                order = a.Entity.Start.CompareTo(b.Entity.Start);
            }

            return order != 0 ? order : a.Entity.Kind.CompareTo(b.Entity.Kind);
        });

        var chosen = new List<Entity>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!Overlaps(chosen, candidate.Entity))
            {
                chosen.Add(candidate.Entity);
            }
        }

        chosen.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private static bool Overlaps(List<Entity> chosen, Entity entity)
    {
        foreach (var other in chosen)
        {
            if (entity.Start < other.End && other.Start < entity.End)
            {
                return true;
            }
        }

        return false;
    }
}
