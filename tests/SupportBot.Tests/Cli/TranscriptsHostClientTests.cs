using System.Net;
using System.Text;
using SupportBot.Host.Cli.HostLink;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Cli;

/// <summary>
/// The command's side of the host's API, against a fake host: the list and report endpoints belong to
/// the trainer pages, so here only their contract is checked (request shape, parsing, errors).
/// </summary>
public sealed class TranscriptsHostClientTests
{
    private static readonly HostLinkInfo Link = new("http://127.0.0.1:5999", 4242, "sample-admin-token", "/srv/supportbot.db", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task List_AsksForTheFiltersWithTheAdminToken_AndReadsTheSummaries()
    {
        var host = new FakeHost(HttpStatusCode.OK, """
            [{"id": 12, "conversationId": "c-1", "playbook": "missing-camera", "agent": "agent-1", "startedAt": "2026-10-05T09:00:00Z",
              "turns": 4, "escalated": true, "agentName": "Sample Agent", "channel": "msteams", "status": "completed", "outcome": "reship",
              "lastActivityAt": "2026-10-05T09:10:00Z", "conversationKey": "msteams/c-1", "imported": false}]
            """);
        await using var data = new HostData(Link, host);

        var cases = await data.ListAsync(new TranscriptQuery { PlaybookId = "missing-camera", AgentId = "agent 1", Limit = 20 }, default);

        Assert.Equal("http://127.0.0.1:5999/api/transcripts?limit=20&playbook=missing-camera&agent=agent%201", host.Request!.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer sample-admin-token", host.Request.Headers.Authorization!.ToString());
        var only = Assert.Single(cases);
        Assert.Equal((12L, "missing-camera", true, "completed"), (only.Id, only.Playbook, only.Escalated, only.Status));
    }

    [Fact]
    public async Task DispositionReport_ReadsTheReport()
    {
        var host = new FakeHost(HttpStatusCode.OK, """
            {"cases": 2, "taken": 1, "rows": [{"disposition": "Shipping > Lost Package", "suggested": 2, "taken": 1, "skipped": 0, "takenRate": 0.5,
              "meanConfidenceWhenTaken": 0.9, "meanConfidenceWhenReplaced": 0.55, "chosenInstead": [{"disposition": "Shipping > Damaged", "count": 1}]}],
             "bands": [{"from": 0.5, "to": 0.7, "suggested": 1, "taken": 0, "takenRate": 0}]}
            """);
        await using var data = new HostData(Link, host);

        var report = await data.DispositionReportAsync(default);

        Assert.Equal("/api/reports/dispositions", host.Request!.RequestUri!.AbsolutePath);
        Assert.Equal("Shipping > Damaged", report.Rows[0].ChosenInstead[0].Disposition);
        Assert.Equal(0.55, report.Rows[0].MeanConfidenceWhenReplaced);
    }

    [Fact]
    public async Task AProblemAnswer_BecomesTheCommandsMessage()
    {
        await using var data = new HostData(Link, new FakeHost(HttpStatusCode.NotFound, """{"error": "There is no transcript case #5."}"""));

        var error = await Assert.ThrowsAsync<CliException>(() => data.DeleteCaseAsync(5, default));

        Assert.Equal("There is no transcript case #5.", error.Message);
    }

    [Fact]
    public async Task AnEndpointTheHostDoesNotHave_IsNamed()
    {
        await using var data = new HostData(Link, new FakeHost(HttpStatusCode.NotFound, ""));

        var error = await Assert.ThrowsAsync<CliException>(() => data.DispositionReportAsync(default));

        Assert.Equal("The host at http://127.0.0.1:5999 has no GET /api/reports/dispositions; it may be an older SupportBot.", error.Message);
    }

    [Fact]
    public async Task ARefusedToken_SaysTheLinkMayBeOld()
    {
        await using var data = new HostData(Link, new FakeHost(HttpStatusCode.Unauthorized, """{"error": "Say who you are."}"""));

        var error = await Assert.ThrowsAsync<CliException>(() => data.ExportAsync(1, global::SupportBot.Transcripts.Files.TranscriptFormat.Markdown, default));

        Assert.StartsWith("The host at http://127.0.0.1:5999 refused the admin token from its link file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SendsTheFileNameSoTheHostCanNameIt()
    {
        var host = new FakeHost(HttpStatusCode.Created, """{"id": 31}""");
        await using var data = new HostData(Link, host);

        var id = await data.ImportAsync("[]", "exports/week 42.transcript", default);

        Assert.Equal(31, id);
        Assert.Equal("?source=exports%2Fweek%2042.transcript", host.Request!.RequestUri!.Query);
    }

    private sealed class FakeHost(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
