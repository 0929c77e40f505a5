using Grpc.Core;

namespace Ducha.WebConsole.Calls;

/// <summary>
/// A service's refusal as a form shows it: the rule's own words, and per field the words that name it. InvalidArgument
/// names its fields in a google.rpc.BadRequest; FailedPrecondition about particular inputs (a squeezed working_days)
/// in a google.rpc.PreconditionFailure; PermissionDenied names none.
/// </summary>
public sealed partial record ServiceRefusal(StatusCode Code, string Message, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The refusals a person can act on; anything else (the service down, a fault) is not a form's matter.</summary>
    public static bool IsRefusal(RpcException ex) =>
        ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.PermissionDenied
            or StatusCode.NotFound or StatusCode.Aborted;

    public static ServiceRefusal From(RpcException ex)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ex.GetRpcStatus() is { } status)
        {
            if (status.GetDetail<Google.Rpc.BadRequest>() is { } bad)
                foreach (var v in bad.FieldViolations) Add(fields, v.Field, $"{v.Field} {v.Description}");
            if (status.GetDetail<Google.Rpc.PreconditionFailure>() is { } failure)
                foreach (var v in failure.Violations.Where(v => v.Type == "FIELD")) Add(fields, v.Subject, v.Description);
        }
        return new ServiceRefusal(ex.StatusCode, ex.Status.Detail, fields);
    }

    /// <summary>
    /// What the form's top says before the rule's words, in the clerk's terms: which service refused (案件服务, 信息公开服务)
    /// and what it was about (案件, 通报).
    /// </summary>
    public string HeadingFor(string service, string subject) => Code switch
    {
        StatusCode.InvalidArgument => $"填写内容有误，{service}未受理：",
        StatusCode.FailedPrecondition => $"不符合办理规则，{service}未受理：",
        StatusCode.PermissionDenied => "无权办理此操作：",
        StatusCode.Aborted => $"{subject}刚被他人更新，请刷新后重试：",
        _ => $"{service}未受理：",
    };

    private static void Add(Dictionary<string, string> fields, string field, string words) =>
        fields[field] = fields.TryGetValue(field, out var before) ? $"{before}；{words}" : words;
}
