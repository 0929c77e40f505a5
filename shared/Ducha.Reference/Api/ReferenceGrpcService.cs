using System.Globalization;
using Ducha.Contracts.Reference.V1;
using Grpc.Core;
using Domain = Ducha.Reference.Jurisdictions;

namespace Ducha.Reference.Api;

/// <summary>The reference API over gRPC, answering exactly as the REST surface does.</summary>
public sealed class ReferenceGrpcService(ReferenceQueries queries) : Contracts.Reference.V1.Reference.ReferenceBase
{
    public override Task<Jurisdiction> GetJurisdiction(GetJurisdictionRequest request, ServerCallContext context) =>
        Answer(() => ToContract(queries.Jurisdiction(request.Code)));

    public override Task<Contracts.Reference.V1.Jurisdictions> ListChildren(ListChildrenRequest request, ServerCallContext context) =>
        Answer(() =>
        {
            var reply = new Contracts.Reference.V1.Jurisdictions();
            reply.Items.AddRange(queries.Children(request.Code).Select(ToContract));
            return reply;
        });

    public override Task<CalendarDay> GetDay(GetDayRequest request, ServerCallContext context) =>
        Answer(() =>
        {
            var day = queries.Day(request.Date);
            return new CalendarDay { Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Working = day.Working, Name = day.Name ?? string.Empty, Provisional = day.Provisional };
        });

    public override Task<AddWorkingDaysReply> AddWorkingDays(AddWorkingDaysRequest request, ServerCallContext context) =>
        Answer(() =>
        {
            var (date, provisional) = queries.AddWorkingDays(request.From, request.Days);
            return new AddWorkingDaysReply { From = request.From, Days = request.Days, Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Provisional = provisional };
        });

    private static Jurisdiction ToContract(Domain.Jurisdiction j) => new()
    {
        Code = j.Code,
        Name = j.Name,
        Level = (JurisdictionLevel)j.Level,
        ParentCode = j.ParentCode ?? string.Empty,
    };

    private static Task<T> Answer<T>(Func<T> answer)
    {
        try
        {
            return Task.FromResult(answer());
        }
        catch (ReferenceQueryException ex)
        {
            throw new RpcException(new Status(ex.NotFound ? StatusCode.NotFound : StatusCode.InvalidArgument, $"{ex.Field}: {ex.Message}"));
        }
    }
}
