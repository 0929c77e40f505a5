using Ducha.Drill;

namespace Ducha.Services.Tests;

/// <summary>
/// The drill's command line refuses what it cannot run, naming the option, before anything reaches a deployment: a word
/// where callers belong once crashed drill load with a stack trace, and a negative count a drill half-way through.
/// </summary>
public sealed class DrillOptionTests
{
    private const string Url = "--url http://localhost:8263";

    [Theory]
    [InlineData($"load {Url} --callers abc", "--callers")]
    [InlineData($"load {Url} --callers 0", "--callers")]
    [InlineData($"load {Url} --callers 1,-3", "--callers")]
    [InlineData($"load {Url} --callers 257", "--callers")]
    [InlineData($"load {Url} --seconds 0", "--seconds")]
    [InlineData($"load {Url} --warmup -1", "--warmup")]
    [InlineData($"load {Url} --visibility-rate -5", "--visibility-rate")]
    [InlineData($"load {Url} --morning -1", "--morning")]
    [InlineData($"run {Url} --days 0", "--days")]
    [InlineData($"run {Url} --per-day -1", "--per-day")]
    [InlineData($"run {Url} --callers 0", "--callers")]
    [InlineData($"run {Url} --province 999999", "--province")]
    [InlineData($"run {Url} --province 32", "--province")]
    [InlineData($"run {Url} --service junk", "--service")]
    [InlineData($"run {Url} --service reporting=http://localhost:5102", "--service")]
    [InlineData($"run {Url} --service exposure=notaurl", "--service exposure")]
    [InlineData($"run {Url} --service exposure=ftp://localhost:5102", "--service exposure")]
    [InlineData($"load {Url} --out /no-such-folder/drill-load.json", "--out")]
    [InlineData($"load {Url} --out .", "--out")]
    [InlineData($"load {Url} --out \"\"", "--out")]
    [InlineData($"run {Url} --report /no-such-folder/report.json", "--report")]
    [InlineData("demo --days 367", "--days")]
    [InlineData("chaos --per-day 0", "--per-day")]
    public void A_value_the_drill_cannot_run_is_refused_with_its_option_named(string line, string option)
    {
        var errors = DrillCommands.Root().Parse(line).Errors;

        var error = Assert.Single(errors);
        Assert.StartsWith(option + " ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"load {Url} --callers 1,4,8,16 --seconds 5 --warmup 0 --visibility-rate 0 --morning 9000")]
    [InlineData($"load {Url} --callers \"\" --morning 9000")]
    [InlineData($"run {Url} --days 12 --per-day 10 --province 460000 --callers 4 --service exposure=http://localhost:5102 --service disclosure=https://disclosure.example")]
    [InlineData("demo --days 30 --per-day 60 --report drill-report.json")]
    [InlineData("chaos --kill cases --per-day 30")]
    public void The_documented_command_lines_parse_cleanly(string line) =>
        Assert.Empty(DrillCommands.Root().Parse(line).Errors);

    [Theory]
    [InlineData($"load {Url}", new[] { 1, 4, 8, 16 })]
    [InlineData($"load {Url} --callers \"\"", new int[0])]
    [InlineData($"load {Url} --callers 2,3", new[] { 2, 3 })]
    public void Load_rises_through_the_levels_given_or_the_default_ones(string line, int[] levels) =>
        Assert.Equal(levels, DrillCommands.Root().Parse(line).GetValue<CallerLevels>("--callers")!.Levels);

    [Fact]
    public void Run_reads_each_service_address_given_and_none_when_none_is()
    {
        var given = DrillCommands.Root().Parse($"run {Url} --service exposure=http://localhost:5102 disclosure=http://localhost:5104 --service assessment=http://localhost:5103")
            .GetValue<IReadOnlyDictionary<string, Uri>>("--service")!;

        Assert.Equal(["assessment", "disclosure", "exposure"], given.Keys.Order());
        Assert.Equal(new Uri("http://localhost:5104"), given["disclosure"]);
        Assert.Empty(DrillCommands.Root().Parse($"run {Url}").GetValue<IReadOnlyDictionary<string, Uri>>("--service")!);
    }
}
