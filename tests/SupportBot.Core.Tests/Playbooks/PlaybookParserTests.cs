using SupportBot.Playbooks;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Playbooks;

public class PlaybookParserTests
{
    private static IReadOnlyList<PlaybookError> ErrorsOf(string yaml, string file = "device-check.yaml") =>
        new PlaybookParser().Parse(file, yaml).Errors;

    [Fact]
    public void ValidPlaybook_ParsesWithoutErrors()
    {
        var (playbook, errors) = new PlaybookParser().Parse("device-check.yaml", TestPlaybooks.DeviceCheck);
        Assert.Empty(errors);
        Assert.Equal(5, playbook!.Steps.Count);
        Assert.Equal(["default", "urgent"], playbook.Outcomes.Keys.Order());
    }

    [Fact]
    public void YamlSyntaxError_IsReportedWithFileAndLine()
    {
        var error = Assert.Single(ErrorsOf("id: device-check\ntitle: [unclosed\nsummary: x\n"));
        Assert.Equal("device-check.yaml", error.File);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("YAML syntax error", error.Message);
    }

    [Fact]
    public void UnknownKey_IsReportedAtItsLine()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("    help: The count goes on the order.", "    help: The count goes on the order.\n    hepl: typo");
        var error = Assert.Single(ErrorsOf(yaml));
        Assert.Contains("unknown key 'hepl'", error.Message);
        Assert.Equal(LineOf(yaml, "hepl:"), error.Line);
    }

    [Fact]
    public void UnknownAskKind_IsReportedAtItsLine()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("ask: number", "ask: numbr");
        var error = Assert.Single(ErrorsOf(yaml));
        Assert.Contains("ask 'numbr' is not one of", error.Message);
        Assert.Equal(LineOf(yaml, "ask: numbr"), error.Line);
    }

    [Fact]
    public void GotoToAMissingStep_IsReported()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("goto: outcome:urgent", "goto: step:nowhere");
        Assert.Contains(ErrorsOf(yaml), e => e.Message.Contains("step:nowhere does not exist", StringComparison.Ordinal) && e.Line == LineOf(yaml, "step:nowhere"));
    }

    [Fact]
    public void BranchOnAnUncollectedField_IsReported()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("when: { field: injured, equals: true }", "when: { field: hurt, equals: true }");
        Assert.Contains(ErrorsOf(yaml), e => e.Message.Contains("field 'hurt', which no step collects", StringComparison.Ordinal));
    }

    [Fact]
    public void TemplateNamingAnUnknownField_IsReported()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("Ship {{count}} x {{model}}.", "Ship {{quantity}}.");
        Assert.Contains(ErrorsOf(yaml), e => e.Message.Contains("{{quantity}}", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingDefaultOutcome_IsReported()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("  default:\n", "  normal:\n");
        Assert.Contains(ErrorsOf(yaml), e => e.Message.Contains("must include 'default'", StringComparison.Ordinal));
    }

    [Fact]
    public void IdThatDoesNotMatchTheFileName_IsReported()
    {
        Assert.Contains(ErrorsOf(TestPlaybooks.DeviceCheck, "other-name.yaml"), e => e.Message.Contains("must match the file name 'other-name'", StringComparison.Ordinal));
    }

    [Fact]
    public void ChoiceStepWithOneOption_IsReported()
    {
        var yaml = TestPlaybooks.DeviceCheck
            .Replace("      - { value: beta-two, label: Beta Two }\n", "")
            .Replace("      - { value: gamma, label: Gamma Max }\n", "");
        Assert.Contains(ErrorsOf(yaml), e => e.Message.Contains("at least two options", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryErrorInAFile_IsReportedNotJustTheFirst()
    {
        var yaml = TestPlaybooks.DeviceCheck.Replace("ask: number", "ask: numbr").Replace("urgency: urgent", "urgency: asap");
        Assert.Equal(2, ErrorsOf(yaml).Count);
    }

    [Fact]
    public void FolderWithABrokenFile_ListsErrorsOfEveryFile()
    {
        var folder = Directory.CreateTempSubdirectory("playbooks-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "device-check.yaml"), TestPlaybooks.DeviceCheck);
            File.WriteAllText(Path.Combine(folder, "broken.yaml"), "id: broken\nsteps: [\n");
            var ex = Assert.Throws<PlaybookValidationException>(() => PlaybookCatalog.Load(folder));
            var error = Assert.Single(ex.Errors);
            Assert.EndsWith("broken.yaml", error.File);
            Assert.Contains("broken.yaml:", ex.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RepositoryPlaybooks_AreAllValid()
    {
        var (playbooks, errors) = PlaybookCatalog.Validate(RepositoryPaths.Dialogs);
        Assert.Empty(errors);
        Assert.Superset(new HashSet<string> { "battery-belt-damage", "missing-camera", "data-plan-red-bar", "supervisor-demand" }, playbooks.Select(p => p.Id).ToHashSet());
    }

    private static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(text, StringComparison.Ordinal)).i + 1;
}
