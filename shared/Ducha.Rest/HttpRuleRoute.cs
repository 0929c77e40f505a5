using System.Text;
using Google.Api;

namespace Ducha.Rest;

/// <summary>
/// A google.api.http rule as OpenAPI wants it: the verb, the path with each variable reduced to its field path
/// ("/v1/{name=shelves/*}" becomes "/v1/{name}"), and those field paths in order.
/// </summary>
internal sealed record HttpRuleRoute(HttpMethod Verb, string Path, IReadOnlyList<string> PathVariables)
{
    public static HttpRuleRoute? From(HttpRule rule)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            HttpRule.PatternOneofCase.Custom => (new HttpMethod(rule.Custom.Kind), rule.Custom.Path),
            _ => (HttpMethod.Get, ""),
        };
        if (template.Length == 0) return null;

        var variables = new List<string>();
        var path = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                continue;
            }
            var end = template.IndexOf('}', i);
            var variable = template[(i + 1)..end].Split('=')[0];
            variables.Add(variable);
            path.Append('{').Append(variable).Append('}');
            i = end;
        }
        return new HttpRuleRoute(verb, path.ToString(), variables);
    }
}
