using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Ducha.Identity;
using Microsoft.EntityFrameworkCore;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using ReportEntity = Ducha.Exposure.Domain.AccountabilityReport;

namespace Ducha.Services.Tests;

/// <summary>A report is generated from Cases: with Cases out of reach it is refused as unavailable, and nothing is stored.</summary>
public sealed class ExposureAccountabilityOutageTests
{
    [Fact]
    public async Task With_cases_unreachable_submitting_a_report_answers_unavailable_and_stores_nothing()
    {
        // Nothing listens where this host looks for the cases service.
        await using var host = await StandaloneTestHost.StartAsync(StandaloneFixture.Now,
            [$"--services:cases:http:0=http://127.0.0.1:{FreePort.Next()}", "--EventBus:OutboxPollInterval=1.00:00:00"]);
        using var channel = GrpcChannel.ForAddress(host.Address);
        Ducha.Contracts.Exposure.V1.Exposure.ExposureClient As(string jurisdiction) => new(channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + host.Services.GetRequiredService<TokenIssuer>().Issue(jurisdiction, "office", $"test-{jurisdiction}"));
            return metadata;
        }));
        var outlet = await As("320000").CreateMediaOutletAsync(new CreateMediaOutletRequest { JurisdictionCode = "320000", Name = "江苏卫视", Kind = MediaKind.Tv });
        var column = await As("320000").CreateColumnAsync(new CreateColumnRequest { MediaOutletId = outlet.Id, Name = "263在行动" });
        var problem = await As("320000").ProposeExposureAsync(ExposureTestData.Problem(column, "320505"));
        await ExposureTestData.MarkAiredWithCaseAsync(host.Services, problem.Id, "0190f0c1-0000-7000-8000-000000000001", new DateTimeOffset(2023, 6, 5, 20, 0, 0, TimeSpan.FromHours(8)));

        var error = await Assert.ThrowsAsync<RpcException>(() => As("320500").SubmitAccountabilityReportAsync(
            new SubmitAccountabilityReportRequest { CityCode = "320500", Period = "2023-06" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("cases service cannot be reached", error.Status.Detail);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ExposureDbContext>().Set<ReportEntity>().CountAsync());
    }
}
