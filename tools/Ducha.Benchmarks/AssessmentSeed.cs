using System.Globalization;
using System.Text.Json;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.Data.Sqlite;

namespace Ducha.Benchmarks;

/// <summary>
/// A province's year of Cases' and Exposure's events written straight into assessment's applied-event log on SQLite —
/// as if assessment had consumed them — in the order they happened, spread evenly over its counties and the Beijing
/// year: each case received by its city, assigned to the county and to the county's environment bureau; nine in ten
/// reported (one in twenty of those sent back first) and verified by the county and the city, 85 % closed; 8 % overdue,
/// 1 % bounced twice (推诿扯皮), 1 % reopened by a repeated complaint, 0.5 % with a stop order never checked, 0.5 % with two
/// people held accountable (one in three exempted under 容错), 1.5 % aired with the follow-up overdue (a third of them overdue too).
/// </summary>
internal static class AssessmentSeed
{
    private enum Step : byte
    {
        Received, AssignedCounty, AssignedUnit, Returned, Reassigned, ReturnedAgain, Flagged, SentBack, Reported, VerifiedCounty, VerifiedCity,
        Closed, Reopened, Overdue, StopOverdue, Accountability, FollowUpOverdue,
    }

    private readonly record struct Planned(long Ticks, int Case, Step Step);

    private static readonly string[] Columns = ["$consumer", "$id", "$topic", "$type", "$source", "$time", "$data"];

    /// <summary>Writes the events; returns how many.</summary>
    public static async Task<int> SeedAsync(string connectionString, JurisdictionTree tree, string province, int count, int year)
    {
        var places = tree.Children(province).SelectMany(city => tree.Children(city.Code)
            .Where(c => c.Level == JurisdictionLevel.County && c.Name != "市辖区").Select(county => (County: county, City: city.Code))).ToList();
        var start = BeijingTime.StartOf(new DateOnly(year, 1, 1));
        var span = BeijingTime.StartOf(new DateOnly(year, 12, 1)) - start; // received by December, so what follows stays in the year
        var plan = new List<Planned>(count * 10);
        for (var i = 0; i < count; i++)
        {
            var t0 = start + span * ((double)i / count);
            void At(TimeSpan after, Step step) => plan.Add(new Planned((t0 + after).UtcTicks, i, step));
            At(TimeSpan.Zero, Step.Received);
            At(TimeSpan.FromHours(1), Step.AssignedCounty);
            At(TimeSpan.FromHours(2), Step.AssignedUnit);
            var bounced = i % 100 == 37;
            if (bounced)
            {
                At(TimeSpan.FromHours(5), Step.Returned);
                At(TimeSpan.FromHours(6), Step.Reassigned);
                At(TimeSpan.FromHours(9), Step.ReturnedAgain);
                At(TimeSpan.FromHours(9) + TimeSpan.FromSeconds(1), Step.Flagged);
                continue; // the city holds it, with no deadline of its own
            }
            if (i % 100 < 8) At(TimeSpan.FromDays(15), Step.Overdue);
            if (i % 10 == 9) continue; // still in hand
            if (i % 20 == 3) { At(TimeSpan.FromDays(4), Step.Reported); At(TimeSpan.FromDays(4) + TimeSpan.FromHours(2), Step.SentBack); }
            At(TimeSpan.FromDays(5), Step.Reported);
            if (i % 200 == 11) At(TimeSpan.FromDays(20), Step.StopOverdue);
            At(TimeSpan.FromDays(6), Step.VerifiedCounty);
            At(TimeSpan.FromDays(6) + TimeSpan.FromHours(3), Step.VerifiedCity);
            if (i % 200 == 13) At(TimeSpan.FromDays(6) + TimeSpan.FromHours(5), Step.Accountability);
            if (i % 100 == 40 || i % 200 == 5) At(TimeSpan.FromDays(16), Step.FollowUpOverdue);
            if (i % 20 >= 17) continue; // verified, not closed yet
            At(TimeSpan.FromDays(7), Step.Closed);
            if (i % 100 == 71) At(TimeSpan.FromDays(25), Step.Reopened);
        }
        plan.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Case != b.Case ? a.Case.CompareTo(b.Case) : a.Step.CompareTo(b.Step));

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO applied_events ("Consumer","EventId","Topic","Type","Source","Time","Data","AppliedAt")
            VALUES ($consumer, $id, $topic, $type, $source, $time, $data, $time)
            """;
        var parameters = Columns.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        parameters[5].SqliteType = SqliteType.Integer;
        var sequence = 0;
        foreach (var planned in plan)
        {
            var (place, city) = places[planned.Case % places.Count];
            var at = new DateTimeOffset(planned.Ticks, TimeSpan.Zero);
            var @event = Event(planned, CaseId(planned.Case), place.Code, place.Name + "生态环境局", city, at);
            var attribute = IntegrationEventAttribute.For(@event.GetType());
            parameters[0].Value = "assessment-" + attribute.Topic;
            parameters[1].Value = string.Create(CultureInfo.InvariantCulture, $"seed-{++sequence:D9}");
            parameters[2].Value = attribute.Topic;
            parameters[3].Value = attribute.Type;
            parameters[4].Value = attribute.Topic.StartsWith("exposure.", StringComparison.Ordinal) ? "exposure" : "cases";
            parameters[5].Value = planned.Ticks;
            parameters[6].Value = JsonSerializer.Serialize(@event, @event.GetType(), EventSerializer.Options);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return plan.Count;
    }

    public static string CaseId(int i) => string.Create(CultureInfo.InvariantCulture, $"{i:x8}-0000-7000-8000-000000000000");

    private static object Event(Planned planned, string id, string county, string unit, string city, DateTimeOffset at)
    {
        var i = planned.Case;
        var deadline = BeijingTime.DateOf(at).AddDays(-1);
        return planned.Step switch
        {
            Step.Received => new CaseReceived(id, county, "Hotline12369", "Water", false, at, null, city),
            Step.AssignedCounty or Step.Reassigned => new CaseAssigned(id, county, city, county, 10, deadline.AddDays(15), at),
            Step.AssignedUnit => new CaseAssigned(id, county, county, county, 9, deadline.AddDays(13), at, unit),
            Step.Returned => new CaseReturned(id, county, county, city, "不属本单位职责", at, unit),
            Step.ReturnedAgain => new CaseReturned(id, county, county, city, "仍不属本单位职责", at),
            Step.Flagged => new BuckPassingFlagged(id, county, city, county, 2, at),
            Step.SentBack => new CaseSentBack(id, county, county, county, unit, "未附监测报告", at),
            Step.Reported => new CaseReported(id, county, county, unit, county, true, null, i % 200 == 11 ? 1 : 0, at),
            Step.VerifiedCounty => new CaseVerified(id, county, county, city, false, "OnSite", at),
            Step.VerifiedCity => new CaseVerified(id, county, city, null, true, "Callback", at),
            Step.Closed => new CaseClosed(id, county, city, (i % 20) switch { < 15 => "Satisfied", 15 => "Dissatisfied", _ => "BasicallySatisfied" }, i % 20 == 15, 0, at),
            Step.Reopened => new CaseReopened(id, county, CaseId(i + 1_000_000_000), 1, 2, at),
            Step.Overdue => new CaseOverdue(id, county, county, unit, deadline, "Assigned", at),
            Step.StopOverdue => new StopVerificationOverdue(id, county, 1, "Stop", deadline, at),
            Step.Accountability => new AccountabilityRecorded(id, county, city,
                [new AccountabilityOutcome("Section", "Admonition", false), new AccountabilityOutcome("Other", "Criticism", i % 600 == 13, i % 600 == 13 ? "已履职尽责，难以发现" : null)], at),
            Step.FollowUpOverdue => new FollowUpOverdue(string.Create(CultureInfo.InvariantCulture, $"exposure-{i:D9}"), city, county, null, deadline, true, false, id, at,
                county),
            _ => throw new ArgumentOutOfRangeException(nameof(planned)),
        };
    }
}
