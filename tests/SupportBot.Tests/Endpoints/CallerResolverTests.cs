using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SupportBot.Host.Endpoints;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Endpoints;

public sealed class CallerResolverTests
{
    private readonly HostAdminToken _token = new();

    [Fact]
    public void User_header_from_loopback_names_the_caller_and_their_role()
    {
        var caller = Resolver().Resolve(Request("127.0.0.1", user: "trainer-1"));

        Assert.Equal(new Caller("trainer-1", IsTrainer: true, IsHostAdmin: false), caller);
    }

    [Fact]
    public void User_header_from_another_machine_is_not_believed_by_default()
    {
        Assert.Null(Resolver().Resolve(Request("10.20.30.40", user: "trainer-1")));
    }

    [Fact]
    public void User_header_from_another_machine_is_believed_when_a_proxy_is_trusted_to_set_it()
    {
        var caller = Resolver(trustNetwork: true).Resolve(Request("10.20.30.40", user: "agent-7"));

        Assert.Equal(new Caller("agent-7", IsTrainer: false, IsHostAdmin: false), caller);
    }

    [Fact]
    public void Host_admin_token_makes_the_command_line_a_trainer_with_full_access()
    {
        var caller = Resolver().Resolve(Request("127.0.0.1", bearer: _token.Value));

        Assert.Equal(new Caller(Caller.CommandLineId, IsTrainer: true, IsHostAdmin: true), caller);
    }

    [Fact]
    public void Wrong_token_is_refused_even_with_a_user_header()
    {
        Assert.Null(Resolver().Resolve(Request("127.0.0.1", user: "trainer-1", bearer: "not-the-token")));
    }

    [Fact]
    public void Request_that_names_nobody_has_no_caller()
    {
        Assert.Null(Resolver().Resolve(Request("127.0.0.1")));
    }

    private CallerResolver Resolver(bool trustNetwork = false)
    {
        var options = new TrainingOptions { Trainers = ["trainer-1"], TrustUserHeaderFromNetwork = trustNetwork };
        var monitor = new StaticMonitor(options);
        return new CallerResolver(new TranscriptAccess(monitor), _token, monitor);
    }

    private static DefaultHttpContext Request(string remote, string? user = null, string? bearer = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (user is not null)
        {
            context.Request.Headers[Caller.UserHeader] = user;
        }

        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        return context;
    }

    private sealed class StaticMonitor(TrainingOptions value) : IOptionsMonitor<TrainingOptions>
    {
        public TrainingOptions CurrentValue => value;

        public TrainingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TrainingOptions, string?> listener) => null;
    }
}
