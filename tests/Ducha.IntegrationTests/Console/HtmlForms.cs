using System.Net;
using System.Text.RegularExpressions;

namespace Ducha.IntegrationTests.Console;

/// <summary>A form of a page as a browser would post it: its action and the values of its named fields.</summary>
public sealed record HtmlForm(string? Action, Dictionary<string, string> Fields)
{
    public string? Handler => Fields.GetValueOrDefault("_handler");

    public FormUrlEncodedContent With(params (string Name, string Value)[] typed)
    {
        var fields = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
        foreach (var (name, value) in typed) fields[name] = value;
        return new FormUrlEncodedContent(fields);
    }
}

/// <summary>Reads the forms of a server-rendered page (inputs, selects, text areas), enough to post them without a browser.</summary>
public static partial class HtmlForms
{
    public static IReadOnlyList<HtmlForm> In(string html) =>
        [.. Form().Matches(html).Select(form =>
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var body = form.Groups["body"].Value;
            foreach (Match input in Input().Matches(body))
            {
                var a = Attributes(input.Groups["attrs"].Value);
                if (!a.TryGetValue("name", out var name)) continue;
                var type = a.GetValueOrDefault("type", "text");
                if (type is "submit" or "button" || type is "radio" or "checkbox" && !a.ContainsKey("checked")) continue;
                fields[name] = a.GetValueOrDefault("value", "");
            }
            foreach (Match select in Select().Matches(body))
            {
                if (!Attributes(select.Groups["attrs"].Value).TryGetValue("name", out var name)) continue;
                var options = Option().Matches(select.Groups["body"].Value).Select(o => Attributes(o.Groups["attrs"].Value)).ToList();
                var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                fields[name] = chosen?.GetValueOrDefault("value", "") ?? "";
            }
            foreach (Match area in TextArea().Matches(body))
            {
                if (Attributes(area.Groups["attrs"].Value).TryGetValue("name", out var name)) fields[name] = WebUtility.HtmlDecode(area.Groups["body"].Value);
            }
            return new HtmlForm(Attributes(form.Groups["attrs"].Value).GetValueOrDefault("action"), fields);
        })];

    public static HtmlForm Named(string html, string handler) =>
        In(html).SingleOrDefault(f => f.Handler == handler) ?? throw new Xunit.Sdk.XunitException($"The page has no form '{handler}'.");

    /// <summary>The anti-forgery token of the page's first form that carries one (the layout's sign-out form has it).</summary>
    public static string AntiforgeryToken(string html) =>
        In(html).Select(f => f.Fields.GetValueOrDefault("__RequestVerificationToken")).FirstOrDefault(t => t is not null)
        ?? throw new Xunit.Sdk.XunitException("The page carries no anti-forgery token.");

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).ToDictionary(m => m.Groups["name"].Value.ToLowerInvariant(),
            m => WebUtility.HtmlDecode(m.Groups["value"].Success ? m.Groups["value"].Value : ""), StringComparer.Ordinal);

    [GeneratedRegex(@"<form\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Form();

    [GeneratedRegex(@"<input\b(?<attrs>[^>]*?)/?>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Input();

    [GeneratedRegex(@"<select\b(?<attrs>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Select();

    [GeneratedRegex(@"<option\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Option();

    [GeneratedRegex(@"<textarea\b(?<attrs>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex TextArea();

    [GeneratedRegex(@"(?<name>[A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*""(?<value>[^""]*)"")?", RegexOptions.None, 1000)]
    private static partial Regex Attribute();
}
