using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Playbooks;

/// <summary>
/// Reads one playbook file into a <see cref="PlaybookDefinition"/>, collecting every problem with its
/// line and column instead of stopping at the first. Works on the YAML node tree so each value keeps
/// its position.
/// </summary>
public sealed partial class PlaybookParser
{
    private static readonly string[] RootKeys = ["id", "title", "summary", "interrupt", "triggers", "steps", "outcomes"];
    private static readonly string[] TriggerKeys = ["keywords", "examples"];
    private static readonly string[] StepKeys = ["id", "ask", "field", "prompt", "help", "retry", "max_attempts", "choices", "min", "max", "on_fail", "next"];
    private static readonly string[] ChoiceKeys = ["value", "label", "synonyms"];
    private static readonly string[] BranchKeys = ["when", "goto"];
    private static readonly string[] ConditionKeys = ["field", "equals", "in", "is_set"];
    private static readonly string[] OutcomeKeys = ["title", "actions", "note", "disposition", "escalation"];
    private static readonly string[] NoteKeys = ["customer", "reason", "resolution", "additional_info", "follow_up"];
    private static readonly string[] DispositionKeys = ["category", "name"];
    private static readonly string[] EscalationKeys = ["route", "urgency", "reason", "requires", "unless"];
    private static readonly HashSet<string> BuiltInFields = new(StringComparer.Ordinal) { "agent", "playbook", "playbook_title" };

    private readonly List<PlaybookError> _errors = [];
    private string _file = "";

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="file"/> names it in error messages.</summary>
    public (PlaybookDefinition? Playbook, IReadOnlyList<PlaybookError> Errors) Parse(string file, string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        _file = file;
        _errors.Clear();
        YamlMappingNode root;
        var parser = new Parser(new StringReader(yaml));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                Error(1, 1, "a playbook must be a YAML mapping with id, title, summary, triggers, steps and outcomes");
                return (null, _errors.ToList());
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            Error((int)ex.Start.Line, (int)ex.Start.Column, "YAML syntax error: " + StripLocation(ex.Message));
            return (null, _errors.ToList());
        }
        catch (InvalidOperationException)
        {
            // The YAML scanner gives up on some malformed input without a YamlException; report where it stopped.
            var at = parser.Current?.End ?? Mark.Empty;
            Error((int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), "YAML syntax error: the text after this point could not be read (an unclosed bracket or quote?)");
            return (null, _errors.ToList());
        }

        var playbook = ReadPlaybook(root, yaml);
        return (_errors.Count == 0 ? playbook : null, _errors.ToList());
    }

    private PlaybookDefinition? ReadPlaybook(YamlMappingNode root, string yaml)
    {
        CheckKeys(root, RootKeys, "playbook");
        var id = RequiredString(root, "id", "playbook");
        var expectedId = Path.GetFileNameWithoutExtension(_file);
        if (id is not null && !KebabId().IsMatch(id))
        {
            Error(ValueOf(root, "id")!, $"id '{id}' must be lower-case words joined by hyphens");
        }
        else if (id is not null && !string.Equals(id, expectedId, StringComparison.Ordinal))
        {
            Error(ValueOf(root, "id")!, $"id '{id}' must match the file name '{expectedId}'");
        }

        var title = RequiredString(root, "title", "playbook");
        var summary = RequiredString(root, "summary", "playbook");
        var interrupt = OptionalBool(root, "interrupt") ?? false;
        var triggers = ReadTriggers(root);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var steps = ReadSteps(root, fields);
        var outcomes = ReadOutcomes(root);

        // Fields of steps that had errors still count as declared, so one mistake is reported once.
        fields.UnionWith(BuiltInFields);
        CheckFlow(steps, outcomes, fields);
        CheckTemplate(ValueOf(root, "summary"), summary, fields);

        if (_errors.Count > 0 || id is null || title is null || summary is null)
        {
            return null;
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)))[..16];
        return new PlaybookDefinition(id, title, summary, triggers, steps.Select(s => s.Step).ToList(),
            outcomes.ToDictionary(o => o.Key, o => o.Value.Outcome, StringComparer.Ordinal), _file, version, interrupt);
    }

    private PlaybookTriggers ReadTriggers(YamlMappingNode root)
    {
        if (ValueOf(root, "triggers") is not YamlNode node)
        {
            Error(root, "playbook is missing 'triggers' (keywords and/or examples that start it from free text)");
            return new PlaybookTriggers([], []);
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, "'triggers' must be a mapping with 'keywords' and/or 'examples'");
            return new PlaybookTriggers([], []);
        }

        CheckKeys(mapping, TriggerKeys, "triggers");
        var keywords = StringList(mapping, "keywords", required: false);
        var examples = StringList(mapping, "examples", required: false);
        if (keywords.Count + examples.Count == 0)
        {
            Error(mapping, "'triggers' needs at least one keyword or example");
        }

        return new PlaybookTriggers(keywords, examples);
    }

    private List<(StepDefinition Step, YamlMappingNode Node)> ReadSteps(YamlMappingNode root, HashSet<string> fields)
    {
        var result = new List<(StepDefinition, YamlMappingNode)>();
        if (ValueOf(root, "steps") is not YamlNode node)
        {
            Error(root, "playbook is missing 'steps'");
            return result;
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Error(node, "'steps' must be a list with at least one step");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in sequence.Children)
        {
            if (child is not YamlMappingNode step)
            {
                Error(child, "each step must be a mapping (id, ask, field, prompt, help, ...)");
                continue;
            }

            var parsed = ReadStep(step, ids, fields);
            if (parsed is not null)
            {
                result.Add((parsed, step));
            }
        }

        return result;
    }

    private StepDefinition? ReadStep(YamlMappingNode step, HashSet<string> ids, HashSet<string> fields)
    {
        CheckKeys(step, StepKeys, "step");
        var id = RequiredString(step, "id", "step");
        var where = id is null ? "step" : $"step '{id}'";
        if (id is not null && !KebabId().IsMatch(id))
        {
            Error(ValueOf(step, "id")!, $"{where}: id must be lower-case words joined by hyphens");
        }
        else if (id is not null && !ids.Add(id))
        {
            Error(ValueOf(step, "id")!, $"{where}: another step already has this id");
        }

        var askText = RequiredString(step, "ask", where);
        StepKind? kind = askText switch
        {
            null => null,
            "text" => StepKind.Text,
            "choice" => StepKind.Choice,
            "confirm" => StepKind.Confirm,
            "number" => StepKind.Number,
            "attachment" => StepKind.Attachment,
            "info" => StepKind.Info,
            _ => null,
        };
        if (askText is not null && kind is null)
        {
            Error(ValueOf(step, "ask")!, $"{where}: ask '{askText}' is not one of text, choice, confirm, number, attachment, info");
        }

        var field = OptionalString(step, "field");
        if (kind is StepKind.Info && field is not null)
        {
            Error(ValueOf(step, "field")!, $"{where}: an info step collects nothing, so it takes no 'field'");
        }
        else if (kind is not null and not StepKind.Info && field is null)
        {
            Error(step, $"{where}: 'field' is required (the name the answer is stored under)");
        }
        else if (field is not null && !SnakeField().IsMatch(field))
        {
            Error(ValueOf(step, "field")!, $"{where}: field '{field}' must be snake_case");
        }
        else if (field is not null && !fields.Add(field))
        {
            Error(ValueOf(step, "field")!, $"{where}: field '{field}' is already collected by another step");
        }

        var prompt = RequiredString(step, "prompt", where);
        var help = RequiredString(step, "help", where);
        var retry = OptionalString(step, "retry");
        var maxAttempts = OptionalNumber(step, "max_attempts", where) ?? 3;
        if (maxAttempts is < 1 or > 10 || maxAttempts != decimal.Truncate(maxAttempts))
        {
            Error(ValueOf(step, "max_attempts")!, $"{where}: max_attempts must be a whole number from 1 to 10");
        }

        var choices = ReadChoices(step, kind, where);
        var min = OptionalNumber(step, "min", where);
        var max = OptionalNumber(step, "max", where);
        if ((min is not null || max is not null) && kind is not (StepKind.Number or null))
        {
            Error(ValueOf(step, "min") ?? ValueOf(step, "max")!, $"{where}: min and max only apply to ask: number");
        }

        if (min > max)
        {
            Error(ValueOf(step, "min")!, $"{where}: min is greater than max");
        }

        var onFail = ReadTarget(step, "on_fail", where, allowSkip: true);
        var next = ReadBranches(step, where);
        if (id is null || kind is null || prompt is null || help is null)
        {
            return null;
        }

        return new StepDefinition(id, kind.Value, field, prompt, help, retry, (int)maxAttempts, choices, min, max, onFail, next);
    }

    private List<ChoiceDefinition> ReadChoices(YamlMappingNode step, StepKind? kind, string where)
    {
        var result = new List<ChoiceDefinition>();
        var node = ValueOf(step, "choices");
        if (kind is null && node is null)
        {
            return result;
        }

        if (kind is not StepKind.Choice and not null)
        {
            if (node is not null)
            {
                Error(node, $"{where}: 'choices' only apply to ask: choice");
            }

            return result;
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Count < 2)
        {
            Error(node ?? step, $"{where}: a choice step needs 'choices' with at least two options");
            return result;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in sequence.Children)
        {
            if (child is not YamlMappingNode choice)
            {
                Error(child, $"{where}: each choice must be a mapping with value and label");
                continue;
            }

            CheckKeys(choice, ChoiceKeys, "choice");
            var value = RequiredString(choice, "value", where + " choice");
            var label = RequiredString(choice, "label", where + " choice");
            if (value is not null && !values.Add(value))
            {
                Error(ValueOf(choice, "value")!, $"{where}: choice value '{value}' appears twice");
            }

            if (value is not null && label is not null)
            {
                result.Add(new ChoiceDefinition(value, label, StringList(choice, "synonyms", required: false)));
            }
        }

        return result;
    }

    private List<BranchDefinition> ReadBranches(YamlMappingNode step, string where)
    {
        var result = new List<BranchDefinition>();
        if (ValueOf(step, "next") is not YamlNode node)
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{where}: 'next' must be a list of {{when, goto}} branches");
            return result;
        }

        foreach (var child in sequence.Children)
        {
            if (child is not YamlMappingNode branch)
            {
                Error(child, $"{where}: each branch must be a mapping with 'when' and 'goto'");
                continue;
            }

            CheckKeys(branch, BranchKeys, "branch");
            var condition = ReadCondition(branch, where);
            var target = ReadTarget(branch, "goto", where, allowSkip: false);
            if (target is null && ValueOf(branch, "goto") is null)
            {
                Error(branch, $"{where}: branch is missing 'goto' (step:<id> or outcome:<id>)");
            }

            if (condition is not null && target is not null)
            {
                result.Add(new BranchDefinition(condition, target));
            }
        }

        return result;
    }

    private BranchCondition? ReadCondition(YamlMappingNode branch, string where)
    {
        if (ValueOf(branch, "when") is not YamlMappingNode when)
        {
            Error(ValueOf(branch, "when") ?? branch, $"{where}: branch needs 'when: {{ field: ..., equals | in | is_set: ... }}'");
            return null;
        }

        CheckKeys(when, ConditionKeys, "condition");
        var field = RequiredString(when, "field", where + " condition");
        var equalsValue = ValueOf(when, "equals") is YamlScalarNode eq ? eq.Value : null;
        var inValues = ValueOf(when, "in") is null ? null : StringList(when, "in", required: true);
        bool? isSet = null;
        if (ValueOf(when, "is_set") is YamlScalarNode isSetNode)
        {
            isSet = isSetNode.Value switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
            if (isSet is null)
            {
                Error(isSetNode, $"{where}: is_set must be true or false");
            }
        }

        var tests = (equalsValue is null ? 0 : 1) + (inValues is null ? 0 : 1) + (isSet is null ? 0 : 1);
        if (tests != 1)
        {
            Error(when, $"{where}: a condition needs exactly one of equals, in, is_set");
            return null;
        }

        return field is null ? null : new BranchCondition(field, equalsValue, inValues, isSet);
    }

    private FlowTarget? ReadTarget(YamlMappingNode mapping, string key, string where, bool allowSkip)
    {
        if (ValueOf(mapping, key) is not YamlNode node)
        {
            return null;
        }

        var text = node is YamlScalarNode scalar ? scalar.Value : null;
        if (allowSkip && text == FlowTarget.Skip)
        {
            return null;
        }

        var match = text is null ? null : TargetPattern().Match(text);
        if (match is null || !match.Success)
        {
            Error(node, $"{where}: {key} must be {(allowSkip ? "skip, " : "")}step:<id> or outcome:<id>");
            return null;
        }

        var kind = match.Groups["kind"].Value == "step" ? FlowTargetKind.Step : FlowTargetKind.Outcome;
        return new FlowTarget(kind, match.Groups["id"].Value) { };
    }

    private Dictionary<string, (OutcomeDefinition Outcome, YamlMappingNode Node)> ReadOutcomes(YamlMappingNode root)
    {
        var result = new Dictionary<string, (OutcomeDefinition, YamlMappingNode)>(StringComparer.Ordinal);
        if (ValueOf(root, "outcomes") is not YamlNode node)
        {
            Error(root, "playbook is missing 'outcomes' (at least a 'default' outcome)");
            return result;
        }

        if (node is not YamlMappingNode outcomes)
        {
            Error(node, "'outcomes' must be a mapping from outcome id to outcome");
            return result;
        }

        foreach (var (keyNode, valueNode) in outcomes.Children)
        {
            var id = ((YamlScalarNode)keyNode).Value ?? "";
            var where = $"outcome '{id}'";
            if (!KebabId().IsMatch(id))
            {
                Error(keyNode, $"{where}: id must be lower-case words joined by hyphens");
            }

            if (valueNode is not YamlMappingNode outcome)
            {
                Error(valueNode, $"{where} must be a mapping with title, actions, note and disposition");
                continue;
            }

            var parsed = ReadOutcome(id, outcome, where);
            if (parsed is not null)
            {
                result[id] = (parsed, outcome);
            }
        }

        if (!outcomes.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == PlaybookDefinition.DefaultOutcome))
        {
            Error(outcomes, "'outcomes' must include 'default' (where the flow ends after the last step)");
        }

        return result;
    }

    private OutcomeDefinition? ReadOutcome(string id, YamlMappingNode outcome, string where)
    {
        CheckKeys(outcome, OutcomeKeys, "outcome");
        var title = RequiredString(outcome, "title", where);
        var actions = StringList(outcome, "actions", required: true, where);
        NoteTemplate? note = null;
        if (ValueOf(outcome, "note") is YamlMappingNode noteNode)
        {
            CheckKeys(noteNode, NoteKeys, "note");
            var reason = RequiredString(noteNode, "reason", where + " note");
            var resolution = StringList(noteNode, "resolution", required: true, where + " note");
            if (reason is not null)
            {
                note = new NoteTemplate(OptionalString(noteNode, "customer"), reason, resolution,
                    OptionalString(noteNode, "additional_info"), OptionalString(noteNode, "follow_up"));
            }
        }
        else
        {
            Error(ValueOf(outcome, "note") ?? outcome, $"{where}: 'note' is required (customer, reason, resolution, additional_info, follow_up)");
        }

        DispositionRef? disposition = null;
        if (ValueOf(outcome, "disposition") is YamlMappingNode dispositionNode)
        {
            CheckKeys(dispositionNode, DispositionKeys, "disposition");
            var category = RequiredString(dispositionNode, "category", where + " disposition");
            var name = RequiredString(dispositionNode, "name", where + " disposition");
            if (category is not null && name is not null)
            {
                disposition = new DispositionRef(category, name);
            }
        }
        else
        {
            Error(ValueOf(outcome, "disposition") ?? outcome, $"{where}: 'disposition' with category and name is required");
        }

        EscalationDefinition? escalation = null;
        if (ValueOf(outcome, "escalation") is YamlNode escalationValue)
        {
            escalation = ReadEscalation(escalationValue, where);
        }

        return title is null || note is null || disposition is null
            ? null
            : new OutcomeDefinition(id, title, actions, note, disposition, escalation);
    }

    private EscalationDefinition? ReadEscalation(YamlNode node, string where)
    {
        if (node is not YamlMappingNode escalation)
        {
            Error(node, $"{where}: 'escalation' must be a mapping with route and urgency");
            return null;
        }

        CheckKeys(escalation, EscalationKeys, "escalation");
        var route = RequiredString(escalation, "route", where + " escalation");
        if (route is not null && !KebabId().IsMatch(route))
        {
            Error(ValueOf(escalation, "route")!, $"{where}: route '{route}' must be a role id such as escalation-lead");
        }

        var urgencyText = RequiredString(escalation, "urgency", where + " escalation");
        Urgency? urgency = urgencyText switch
        {
            "normal" => Urgency.Normal,
            "high" => Urgency.High,
            "urgent" => Urgency.Urgent,
            _ => null,
        };
        if (urgencyText is not null && urgency is null)
        {
            Error(ValueOf(escalation, "urgency")!, $"{where}: urgency '{urgencyText}' is not one of normal, high, urgent");
        }

        var requires = StringList(escalation, "requires", required: false);
        BranchCondition? unless = null;
        if (ValueOf(escalation, "unless") is YamlMappingNode unlessNode)
        {
            unless = ReadCondition(new YamlMappingNode(new YamlScalarNode("when"), unlessNode), where + " escalation 'unless'");
        }
        else if (ValueOf(escalation, "unless") is { } badUnless)
        {
            Error(badUnless, $"{where}: 'unless' must be a condition like {{ field: pre_sales, equals: true }}");
        }

        return route is null || urgency is null ? null : new EscalationDefinition(route, urgency.Value, OptionalString(escalation, "reason"), requires, unless);
    }

    private void CheckFlow(
        List<(StepDefinition Step, YamlMappingNode Node)> steps,
        Dictionary<string, (OutcomeDefinition Outcome, YamlMappingNode Node)> outcomes,
        HashSet<string> fields)
    {
        var stepIds = steps.Select(s => s.Step.Id).ToHashSet(StringComparer.Ordinal);
        var fieldKinds = steps.Where(s => s.Step.Field is not null).ToDictionary(s => s.Step.Field!, s => s.Step, StringComparer.Ordinal);
        foreach (var (step, node) in steps)
        {
            var where = $"step '{step.Id}'";
            CheckTarget(step.OnFail, ValueOf(node, "on_fail"), where, stepIds, outcomes);
            var branchNodes = (ValueOf(node, "next") as YamlSequenceNode)?.Children ?? [];
            for (var i = 0; i < step.Next.Count; i++)
            {
                var branch = step.Next[i];
                var branchNode = i < branchNodes.Count ? branchNodes[i] : node;
                CheckTarget(branch.Goto, (branchNode as YamlMappingNode) is { } m ? ValueOf(m, "goto") : branchNode, where, stepIds, outcomes);
                if (!fields.Contains(branch.When.Field))
                {
                    Error(branchNode, $"{where}: branch tests field '{branch.When.Field}', which no step collects");
                }
                else if (!fieldKinds.TryGetValue(branch.When.Field, out var source))
                {
                    // The step collecting it has its own errors, already reported.
                }
                else if (source.Kind == StepKind.Choice)
                {
                    foreach (var value in (branch.When.InValues ?? []).Append(branch.When.EqualsValue).OfType<string>())
                    {
                        if (source.Choices.All(c => c.Value != value))
                        {
                            Error(branchNode, $"{where}: '{value}' is not a choice value of field '{branch.When.Field}' (step '{source.Id}')");
                        }
                    }
                }
                else if (source.Kind == StepKind.Confirm && branch.When.EqualsValue is not null and not ("true" or "false"))
                {
                    Error(branchNode, $"{where}: field '{branch.When.Field}' is a yes/no answer, so compare it with true or false");
                }
            }

            CheckTemplate(ValueOf(node, "prompt"), step.Prompt, fields);
        }

        foreach (var (id, (outcome, node)) in outcomes)
        {
            var escalationNode = ValueOf(node, "escalation") as YamlMappingNode;
            foreach (var field in (outcome.Escalation?.Requires ?? []).Concat(outcome.Escalation?.Unless is { } u ? [u.Field] : []))
            {
                if (!fields.Contains(field))
                {
                    Error(escalationNode ?? node, $"outcome '{id}': escalation needs field '{field}', which no step collects");
                }
            }

            foreach (var (key, text) in OutcomeTexts(outcome))
            {
                CheckTemplate(FindTextNode(node, key) ?? node, text, fields);
            }
        }
    }

    private static IEnumerable<(string Key, string Text)> OutcomeTexts(OutcomeDefinition outcome)
    {
        foreach (var action in outcome.Actions)
        {
            yield return ("actions", action);
        }

        yield return ("reason", outcome.Note.Reason);
        foreach (var line in outcome.Note.Resolution)
        {
            yield return ("resolution", line);
        }

        foreach (var text in new[] { ("customer", outcome.Note.Customer), ("additional_info", outcome.Note.AdditionalInfo), ("follow_up", outcome.Note.FollowUp) })
        {
            if (text.Item2 is not null)
            {
                yield return (text.Item1, text.Item2);
            }
        }
    }

    private static YamlNode? FindTextNode(YamlMappingNode outcome, string key) =>
        ValueOf(outcome, key) ?? (ValueOf(outcome, "note") is YamlMappingNode note ? ValueOf(note, key) : null);

    private void CheckTarget(FlowTarget? target, YamlNode? node, string where, HashSet<string> stepIds, Dictionary<string, (OutcomeDefinition, YamlMappingNode)> outcomes)
    {
        if (target is null || node is null)
        {
            return;
        }

        var exists = target.Kind == FlowTargetKind.Step ? stepIds.Contains(target.Id) : outcomes.ContainsKey(target.Id);
        if (!exists)
        {
            Error(node, $"{where}: {target} does not exist in this playbook");
        }
    }

    private void CheckTemplate(YamlNode? node, string? text, HashSet<string> fields)
    {
        if (node is null || text is null)
        {
            return;
        }

        foreach (Match match in TemplateField().Matches(text))
        {
            var field = match.Groups["field"].Value;
            if (!fields.Contains(field))
            {
                Error(node, $"template uses '{{{{{field}}}}}', but no step collects a field of that name");
            }
        }
    }

    private void CheckKeys(YamlMappingNode mapping, string[] allowed, string what)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {what} (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    private string? RequiredString(YamlMappingNode mapping, string key, string where)
    {
        var node = ValueOf(mapping, key);
        if (node is null)
        {
            Error(mapping, $"{where} is missing '{key}'");
            return null;
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } value } || string.IsNullOrWhiteSpace(value))
        {
            Error(node, $"{where}: '{key}' must be non-empty text");
            return null;
        }

        return value.Trim();
    }

    private string? OptionalString(YamlMappingNode mapping, string key)
    {
        var node = ValueOf(mapping, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Error(node, $"'{key}' must be non-empty text");
            return null;
        }

        return value.Trim();
    }

    private bool? OptionalBool(YamlMappingNode mapping, string key)
    {
        var node = ValueOf(mapping, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"'{key}' must be true or false");
        return null;
    }

    private decimal? OptionalNumber(YamlMappingNode mapping, string key, string where)
    {
        var node = ValueOf(mapping, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"{where}: '{key}' must be a number");
        return null;
    }

    private List<string> StringList(YamlMappingNode mapping, string key, bool required, string? where = null)
    {
        var node = ValueOf(mapping, key);
        if (node is null)
        {
            if (required)
            {
                Error(mapping, $"{where ?? "mapping"} is missing '{key}'");
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list");
            return [];
        }

        var result = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                result.Add(value.Trim());
            }
            else
            {
                Error(item, $"each entry of '{key}' must be non-empty text");
            }
        }

        if (required && result.Count == 0 && sequence.Children.Count == 0)
        {
            Error(node, $"'{key}' needs at least one entry");
        }

        return result;
    }

    private static YamlNode? ValueOf(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private void Error(YamlNode node, string message) => Error((int)node.Start.Line, (int)node.Start.Column, message);

    private void Error(int line, int column, string message) => _errors.Add(new PlaybookError(_file, line, column, message));

    private static string StripLocation(string message) => LocationPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")]
    private static partial Regex SnakeField();

    [GeneratedRegex(@"^(?<kind>step|outcome):(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)$")]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"\{\{\s*(?<field>[a-z][a-z0-9_]*)\s*(?:\|[^}]*)?\}\}")]
    internal static partial Regex TemplateField();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex LocationPrefix();
}
