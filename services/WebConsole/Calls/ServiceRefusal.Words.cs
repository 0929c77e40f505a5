using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace Ducha.WebConsole.Calls;

/// <summary>A field the service refused, by its proto name, with what the service said.</summary>
public sealed record RefusedField(string Field, string Description);

/// <summary>
/// A refusal in a clerk's words: the fields an <c>InvalidArgument</c> names (its <c>google.rpc.BadRequest</c>), each
/// description said in Chinese beside its field, and one sentence for a refusal that names none.
/// </summary>
public sealed partial record ServiceRefusal
{
    public static IReadOnlyList<RefusedField> RefusedFields(RpcException refusal) =>
        refusal.StatusCode == StatusCode.InvalidArgument && refusal.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>() is { } bad
            ? [.. bad.FieldViolations.Select(v => new RefusedField(v.Field, v.Description))]
            : [];

    /// <summary>The service's English description in the words of the form; one it has no words for is quoted.</summary>
    public static string Words(string description)
    {
        if (description == "is required") return "此项必填";
        if (AtMost().Match(description) is { Success: true } m)
            return $"不超过 {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)} 个字";
        if (description.Contains("yyyy-MM-dd", StringComparison.Ordinal) || description.Contains("date", StringComparison.OrdinalIgnoreCase))
            return "日期无效，请按年-月-日填写";
        if (description.Contains("central-inspection", StringComparison.Ordinal)) return "仅中央环保督察交办（历史遗留）案件可填原定期限";
        if (description.Contains("not a known GB/T 2260 code", StringComparison.Ordinal)) return "请选择行政区";
        if (description.StartsWith("must be one of", StringComparison.Ordinal) || description.Contains("unspecified", StringComparison.OrdinalIgnoreCase))
            return "请选择";
        return "填写有误（" + description + "）";
    }

    /// <summary>A refusal that names no field, in one sentence for the top of the form.</summary>
    public static string Sentence(RpcException refusal) => refusal.StatusCode switch
    {
        StatusCode.PermissionDenied => "无权办理：" + refusal.Status.Detail,
        StatusCode.Unauthenticated => "登录已失效，请重新登录。",
        StatusCode.FailedPrecondition => "不符合办理条件：" + refusal.Status.Detail,
        StatusCode.InvalidArgument => "填写有误：" + refusal.Status.Detail,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => "案件服务暂时无法访问，已填写的内容仍在，请稍后再提交。",
        _ => "案件服务未能办理，请稍后再试。",
    };

    [GeneratedRegex(@"^must be at most (\d+) characters$")]
    private static partial Regex AtMost();
}
