using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>Odd addresses and odd posts to the case page: answered, never with a server error.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CasePageInputTests(ConsoleFixture host)
{
    [Fact]
    public async Task Odd_ids_and_odd_form_values_get_no_server_error()
    {
        var c = await new CasesClient(host.As("320000")).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = "320506", Address = "某路", PollutionType = PollutionType.Noise, Description = "夜间施工噪声", Channel = Channel.Letter,
        });
        var page = await host.NewPageAsync();
        await page.ActAsAsync(["320000"], "省办张科", c.Id);
        var form = await page.EvaluateAsync<string>(
            "() => new URLSearchParams(new FormData(document.querySelector('input[name=\"_handler\"][value=\"assign\"]').form)).toString()");
        Task<IAPIResponse> Post(string body) => page.Context.APIRequest.PostAsync($"/cases/{c.Id}", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = body,
            MaxRedirects = 0,
        });

        var answers = new List<(string What, int Status)>();
        foreach (var id in new[] { "%20", "'%20OR%201=1", "%E4%B8%AD%E6%96%87", new string('9', 5000), "..%2F..%2Fetc" })
            answers.Add((id[..Math.Min(20, id.Length)], (await page.Context.APIRequest.GetAsync($"/cases/{id}")).Status));
        foreach (var (name, value) in new[] { ("Form.WorkingDays", "abc"), ("Form.WorkingDays", "99999999999999"), ("Form.Target", "office:999999"),
                     ("Form.Target", "unit:" + new string('局', 500)), ("Form.Key", new string('k', 5000)), ("_handler", "nothing") })
            answers.Add(($"{name}={value[..Math.Min(20, value.Length)]}", (await Post(Replace(form, name, value))).Status));
        answers.Add(("no anti-forgery", (await Post("_handler=assign&Form.WorkingDays=5")).Status));

        Assert.All(answers, a => Assert.True(a.Status < 500, $"{a.What}: {a.Status}"));
        Assert.Equal(CaseStatus.Received, (await new CasesClient(host.As("320000")).GetCaseAsync(new GetCaseRequest { Id = c.Id })).Status);
    }

    private static string Replace(string form, string name, string value)
    {
        var fields = System.Web.HttpUtility.ParseQueryString(form);
        fields[name] = value;
        return fields.ToString()!;
    }
}
