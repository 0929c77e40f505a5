using Ducha.BuildingBlocks;
using Ducha.Disclosure.Domain;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Disclosure.Export;
using Ducha.Reference.Calendar;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ducha.Services.Tests;

/// <summary>A 边督边改 bulletin's content, versions, redaction, files and cadence, as rules of the domain.</summary>
public sealed class BulletinDomainTests
{
    private static readonly Actor Office = new("office-320505", Role.Office, "320505", "county");
    private static readonly DateTimeOffset Now = new(2024, 10, 8, 17, 0, 0, TimeSpan.FromHours(8));
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded();

    private static PeopleHeld Held(params (CadreRank Rank, int Count)[] counts) =>
        PeopleHeld.Of(counts.Select(c => KeyValuePair.Create(c.Rank, c.Count)));

    private static BulletinCaseRow Row(int number, string caseId, PeopleHeld? held = null, bool typical = false, string result = "已责令停产整改") =>
        new(number, caseId, "浒墅关镇", "水污染", "某化工厂夜间偷排废水", "反映属实，雨水管网接入生产废水", result, "已整改", held ?? PeopleHeld.None, typical);

    private static BulletinContent Content(params BulletinCaseRow[] rows) =>
        new("320505", "苏州市虎丘区", new DateOnly(2024, 9, 30), new DateOnly(2024, 10, 7), rows.Length, 1, rows.Length - 1, 0, rows);

    [Fact]
    public void Accountability_is_counted_by_rank_as_the_bulletin_prints_it()
    {
        var content = Content(Row(1, "a", Held((CadreRank.Division, 1))), Row(2, "b", Held((CadreRank.Section, 1))));

        Assert.Equal("2人，其中处级1人、科级1人", content.Accountability.ToChinese());
        Assert.Equal("无", PeopleHeld.None.ToChinese());
        Assert.Contains("本期交办问题共问责2人，其中处级1人、科级1人。", content.Paragraphs());
    }

    [Theory]
    [InlineData("2026-12-05", "2026-12-05", "苏州市虎丘区边督边改情况通报（2026年12月5日）")]
    [InlineData("2026-12-02", "2026-12-04", "苏州市虎丘区边督边改情况通报（2026年12月2日至12月4日）")]
    [InlineData("2026-12-30", "2027-01-01", "苏州市虎丘区边督边改情况通报（2026年12月30日至2027年1月1日）")]
    public void The_title_names_the_period_as_a_reader_would_write_it(string start, string end, string title)
    {
        var content = Content() with { PeriodStart = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), PeriodEnd = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(title, content.Title);
        Assert.StartsWith(title[(title.IndexOf('（') + 1)..^1] + "，", content.Paragraphs()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Running_totals_are_printed_and_a_correction_of_them_is_named()
    {
        var before = Content(Row(1, "a")) with { ToDate = new BulletinToDate(new DateOnly(2024, 9, 20), 7, 2, 5, 1, Held((CadreRank.Section, 1))) };
        var after = before with { ToDate = before.ToDate! with { Transferred = 8, InHand = 3 } };

        Assert.Contains("自2024年9月20日督察进驻以来，苏州市虎丘区累计收到交办信访件7件，已办结5件，正在办理2件，其中逾期未办结1件；累计问责1人，其中科级1人。",
            before.Paragraphs());
        Assert.DoesNotContain(Content(Row(1, "a")).Paragraphs(), p => p.Contains("累计", StringComparison.Ordinal));
        Assert.Equal(["累计交办件数由7件更正为8件", "累计正在办理件数由2件更正为3件"], BulletinChanges.Between(before, after));
        var stored = BulletinContentJson.Read(BulletinContentJson.Write(before));
        Assert.Equal(BulletinContentJson.Write(before), BulletinContentJson.Write(stored));
        Assert.Equal(before.Paragraphs(), stored.Paragraphs());
    }

    [Fact]
    public void Only_a_case_marked_typical_has_its_specifics_in_the_text()
    {
        var content = Content(Row(1, "a", typical: true, result: "罚款20万元"), Row(2, "b", result: "约谈企业负责人"));

        var text = string.Join("\n", content.Paragraphs());

        Assert.Contains("典型案例", text);
        Assert.Contains("罚款20万元", text);
        Assert.DoesNotContain("约谈企业负责人", text);
    }

    [Fact]
    public void A_published_bulletin_is_corrected_only_as_a_new_version_with_a_reason_and_the_chain_verifies()
    {
        var bulletin = Bulletin.Draft(Content(Row(1, "a")), Now);
        var first = bulletin.Publish(RedactionVerdict.Clean, Office, Now);

        var twice = Assert.Throws<DomainRuleException>(() => bulletin.Publish(RedactionVerdict.Clean, Office, Now));
        var noReason = Assert.Throws<RequestValidationException>(() => bulletin.Correct(first, Content(Row(1, "a", result: "已罚款")), " ", RedactionVerdict.Clean, Office, Now));
        var same = Assert.Throws<DomainRuleException>(() => bulletin.Correct(first, Content(Row(1, "a")), "复核", RedactionVerdict.Clean, Office, Now));
        var second = bulletin.Correct(first, Content(Row(1, "a", result: "已罚款10万元")), "处理结果有误", RedactionVerdict.Clean, Office, Now.AddHours(1));

        Assert.NotNull(twice);
        Assert.Equal("reason", Assert.Single(noReason.Violations).Field);
        Assert.NotNull(same);
        Assert.Equal((2, "处理结果有误", 2), (second.Number, second.Reason, bulletin.Version));
        Assert.True(first.Follows(null));
        Assert.True(second.Follows(first));
        Assert.Equal(["附表第1号（浒墅关镇）更正了处理结果"], BulletinChanges.Between(BulletinContentJson.Read(first.ContentJson), BulletinContentJson.Read(second.ContentJson)));
    }

    [Fact]
    public void A_version_changed_after_publication_no_longer_verifies()
    {
        var bulletin = Bulletin.Draft(Content(Row(1, "a")), Now);
        var first = bulletin.Publish(RedactionVerdict.Clean, Office, Now);
        var second = bulletin.Correct(first, Content(Row(1, "a", result: "已罚款")), "补充处理结果", RedactionVerdict.Clean, Office, Now);

        var edited = new BulletinVersion
        {
            BulletinId = first.BulletinId, Number = 1, ContentJson = first.ContentJson.Replace("已责令停产整改", "已整改完毕", StringComparison.Ordinal),
            Reason = first.Reason, PublishedAt = first.PublishedAt, PublishedBy = first.PublishedBy, PreviousHash = first.PreviousHash, Hash = first.Hash,
        };

        Assert.False(edited.Follows(null));
        Assert.True(second.Follows(first));
    }

    [Fact]
    public void The_content_writes_the_same_bytes_however_its_counts_were_gathered_and_reads_back_alike()
    {
        var one = Content(Row(1, "a", Held((CadreRank.Section, 1), (CadreRank.Division, 2))));
        var other = Content(Row(1, "a", new PeopleHeld(new Dictionary<CadreRank, int> { [CadreRank.Division] = 2, [CadreRank.Section] = 1 })));

        var json = BulletinContentJson.Write(one);

        Assert.Equal(json, BulletinContentJson.Write(other));
        Assert.Equal(json, BulletinContentJson.Write(BulletinContentJson.Read(json)));
        Assert.Contains("浒墅关镇", json); // Chinese kept as written
    }

    [Theory]
    [InlineData("举报人电话13812345678", true)]
    [InlineData("联系138-1234-5678", true)]
    [InlineData("身份证号32050519800101123X", true)]
    [InlineData("12369环保热线受理", false)]
    [InlineData("企业统一社会信用代码91320505MA1234567X", false)]
    [InlineData("排放浓度超标13.8倍", false)]
    public void Mobile_and_ID_card_numbers_are_found_and_name_their_field(string text, bool hit)
    {
        var fields = RedactionVerdict.ScanPatterns(new Dictionary<string, string> { ["cases[1].findings"] = text, ["title"] = "通报" });

        Assert.Equal(hit ? ["cases[1].findings"] : [], fields);
    }

    [Fact]
    public void A_hit_refuses_publication_naming_the_fields_and_leaves_the_draft_a_draft()
    {
        var bulletin = Bulletin.Draft(Content(Row(1, "a")), Now);

        var refused = Assert.Throws<DomainRuleException>(() => bulletin.Publish(new RedactionVerdict(["cases[1].basic_facts"], ["cases[1].findings"]), Office, Now));

        Assert.Equal(["cases[1].basic_facts", "cases[1].findings"], refused.Fields);
        Assert.Equal((BulletinState.Draft, 0), (bulletin.State, bulletin.Version));
    }

    [Fact]
    public void The_attached_table_downloads_as_xlsx_with_one_row_per_case_and_as_csv_that_runs_nothing()
    {
        var content = Content(Row(1, "a"), Row(2, "b", Held((CadreRank.Division, 1))), Row(3, "c", result: "=HYPERLINK(\"http://x\")"));

        var rows = MiniExcel.Query(new MemoryStream(BulletinTable.Xlsx(content)), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var csv = System.Text.Encoding.UTF8.GetString(BulletinTable.Csv(content)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, rows.Count);
        Assert.Equal("1人，其中处级1人", rows[1]["问责情况"]);
        Assert.Equal(BulletinTable.Headers, rows[0].Keys);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\"", csv[3].Split(',', 6)[5]);
    }

    [Fact]
    public void A_city_publishes_every_three_days_from_the_inspections_start()
    {
        var cadence = new BulletinCadence { JurisdictionCode = "320500", Kind = CadenceKind.EveryDays, EveryDays = 3, Start = new DateOnly(2024, 9, 23) };

        var periods = cadence.EndedBefore(new DateOnly(2024, 9, 30), Calendar);

        Assert.Equal([new BulletinPeriod(new(2024, 9, 23), new(2024, 9, 25)), new BulletinPeriod(new(2024, 9, 26), new(2024, 9, 28))], periods);
        Assert.Equal(new DateOnly(2024, 9, 29), periods[1].DueBy(Calendar)); // Sunday 29 September is a make-up working day
    }

    [Fact]
    public void A_county_publishes_every_working_day_and_a_holiday_runs_into_the_period_before_it()
    {
        var cadence = new BulletinCadence { JurisdictionCode = "320505", Kind = CadenceKind.WorkingDays, Start = new DateOnly(2024, 9, 27), End = new DateOnly(2024, 10, 9) };

        var periods = cadence.EndedBefore(new DateOnly(2024, 10, 20), Calendar);

        Assert.Equal(new BulletinPeriod(new(2024, 9, 27), new(2024, 9, 28)), periods[0]);
        Assert.Contains(new BulletinPeriod(new(2024, 9, 30), new(2024, 10, 7)), periods);
        Assert.Equal(new BulletinPeriod(new(2024, 10, 9), new(2024, 10, 9)), periods[^1]); // the inspection's last day
    }

    [Fact]
    public void The_province_publishes_twice_a_week_on_its_set_weekdays()
    {
        var cadence = new BulletinCadence { JurisdictionCode = "320000", Kind = CadenceKind.Weekdays, Weekdays = [1, 4], Start = new DateOnly(2024, 10, 14) };

        var periods = cadence.EndedBefore(new DateOnly(2024, 10, 25), Calendar);

        Assert.Equal([new BulletinPeriod(new(2024, 10, 14), new(2024, 10, 16)), new BulletinPeriod(new(2024, 10, 17), new(2024, 10, 20)),
            new BulletinPeriod(new(2024, 10, 21), new(2024, 10, 23))], periods);
    }
}
