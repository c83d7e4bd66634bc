using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>One recogniser's proposal; <see cref="EntityRecognizer"/> keeps the best of those that overlap.</summary>
internal readonly record struct Candidate(Entity Entity, int Priority)
{
    public static Candidate From(Group group, EntityKind kind, string value, int priority, string? label = null) =>
        new(new Entity(kind, group.Value, value, group.Index, group.Length, label), priority);
}
