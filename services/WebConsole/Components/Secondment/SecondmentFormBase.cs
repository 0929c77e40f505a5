using System.Text.RegularExpressions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Components.Forms;
using Ducha.WebConsole.Secondment;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Secondment;

/// <summary>A form of the 抽调 pages (<see cref="KeyedFormBase{TForm}"/>), acting through the secondment service.</summary>
public abstract partial class SecondmentFormBase<TForm> : KeyedFormBase<TForm> where TForm : class, IKeyedForm, new()
{
    public const string Service = "抽调服务";

    [Inject] protected CadreCommands Cadres { get; set; } = null!;
    [Inject] protected InspectionCommands Inspection { get; set; } = null!;

    /// <summary>
    /// A malformed input is said in the form's words (此项必填…); a rule's refusal keeps the rule's own words — which name
    /// the term it overlaps, the limit it exceeds — after the console's sentence for the rules it knows.
    /// </summary>
    protected override string Explain(string field, string words)
    {
        var rule = words.StartsWith(field + " ", StringComparison.Ordinal) ? words[(field.Length + 1)..] : words;
        if (Overlap().Match(rule) is { Success: true } overlap)
            return field == "end_date"
                ? "与已有抽调重叠"
                : $"与该干部已有的抽调时间重叠：已抽调在{overlap.Groups[1].Value}（{overlap.Groups[2].Value}至{overlap.Groups[3].Value}）";
        if (rule.Contains("exceeds the post's limit", StringComparison.Ordinal)) return "超过岗位任期上限，请安排轮岗（" + rule + "）";
        if (rule.Contains("must not be before start_date", StringComparison.Ordinal)) return "结束日期不能早于开始日期";
        if (rule.Contains("the day the post passes on", StringComparison.Ordinal)) return "接任人在交接之日仍有其他抽调，不能接任（" + rule + "）";
        if (rule.Contains("is not an active unit", StringComparison.Ordinal)) return "不是该地单位名录中的单位（" + rule + "）";
        if (rule.Contains("already signs in as this subject", StringComparison.Ordinal)) return "该登录账号已登记为其他干部（" + rule + "）";
        return words.StartsWith(field + " ", StringComparison.Ordinal) ? ServiceRefusal.Words(rule) : words;
    }

    /// <summary>Refuses <paramref name="property"/> unless it holds a whole number (the service judges its bounds).</summary>
    protected int Whole(string property, string? text)
    {
        if (CadreCommands.Whole(text) is { } value) return value;
        Refuse(property, "请填写整数");
        return 0;
    }

    protected bool Valid => !Edit.GetValidationMessages().Any();

    /// <summary>The overlap rule's words: the post and the dates of the term the new one would share days with.</summary>
    [GeneratedRegex(@"is already seconded by secondment \S+ \((.+), (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\), which shares days with")]
    private static partial Regex Overlap();
}
