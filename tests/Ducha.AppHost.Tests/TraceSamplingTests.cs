using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

// GetEnvironmentVariableValuesAsync is marked obsolete in favour of the execution-configuration builder, whose gatherers
// need a running app's services; the model's callbacks are what these tests read.
#pragma warning disable CS0618

namespace Ducha.AppHost.Tests;

/// <summary>
/// <c>Telemetry:TraceSampleRatio</c> reaches every service and the console as the OpenTelemetry SDK's sampler settings,
/// over Aspire's own "record everything"; a ratio that is no share is refused at start with the setting named.
/// Read from the AppHost's model: nothing is started.
/// </summary>
public sealed class TraceSamplingTests
{
    private static readonly string[] Common = ["--Infrastructure:Mode=local", "--Parameters:identity-signing-key=x", "--Parameters:cases-reporter-key=y"];

    [Fact]
    public async Task A_ratio_reaches_every_project_as_a_parent_based_sampler()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ducha_AppHost>([.. Common, "--Telemetry:TraceSampleRatio=0.25"]);
        var projects = builder.Resources.OfType<ProjectResource>().ToList();

        Assert.Equal(6, projects.Count);
        foreach (var project in projects)
        {
            var environment = await project.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
            Assert.Equal(("parentbased_traceidratio", "0.25"), (environment["OTEL_TRACES_SAMPLER"], environment["OTEL_TRACES_SAMPLER_ARG"]));
        }
    }

    [Fact]
    public async Task Unset_leaves_every_trace_recorded()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ducha_AppHost>(Common);
        var cases = builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "cases");

        var environment = await cases.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

        Assert.False(environment.ContainsKey("OTEL_TRACES_SAMPLER_ARG"));
        Assert.NotEqual("parentbased_traceidratio", environment.GetValueOrDefault("OTEL_TRACES_SAMPLER"));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("ten percent")]
    public async Task A_ratio_that_is_no_share_is_refused_naming_the_setting(string ratio)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            DistributedApplicationTestingBuilder.CreateAsync<Projects.Ducha_AppHost>([.. Common, $"--Telemetry:TraceSampleRatio={ratio}"]));

        Assert.Contains("Telemetry:TraceSampleRatio", Flatten(refused), StringComparison.Ordinal);
    }

    private static string Flatten(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " " + Flatten(ex.InnerException);
}
