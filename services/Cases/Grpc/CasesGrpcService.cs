using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Grpc.Core;

namespace Ducha.Cases.Grpc;

/// <summary>
/// The cases API over gRPC (and REST through JSON transcoding): each operation checks and maps its request, calls its use
/// case in <c>Application/</c>, and maps the answer back. Rules live in the use cases and the <c>Case</c> aggregate.
/// </summary>
public sealed partial class CasesGrpcService(JurisdictionGuard guard, JurisdictionTree tree, WorkingCalendar calendar, TimeProvider time) : Contracts.Cases.V1.Cases.CasesBase
{
    private Actor Actor => guard.Caller;

    private static T Use<T>(ServerCallContext context) where T : notnull => context.GetHttpContext().RequestServices.GetRequiredService<T>();

    private Case ToContract(CaseView view) => view.ToContract(BeijingTime.DateOf(time.GetUtcNow()), calendar);

    private static void RequireCaseId(string caseId, RequestValidator validator) => validator.RequireText(caseId, "case_id", 36);

    private static string? Blank(string? text) => CaseRequests.Blank(text);
}
