using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Drill.Target;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Drill.Invariants;

/// <summary>
/// The received cases per county as Cases counts them and as Disclosure counts them from Cases' events. Taken before and
/// after a drill, so a deployment that already holds cases is held to what the drill added.
/// </summary>
public sealed record CountSnapshot(IReadOnlyDictionary<string, long> Cases, IReadOnlyDictionary<string, long> Disclosure)
{
    public static async Task<CountSnapshot> TakeAsync(DrillTarget target, string provinceCode, CancellationToken cancellationToken)
    {
        var province = Person.Office(provinceCode);
        var cases = (await new CasesClient(target.As("cases", province)).CountCasesAsync(new CountCasesRequest { JurisdictionCode = provinceCode },
            cancellationToken: cancellationToken)).Counts.ToDictionary(c => c.JurisdictionCode, c => (long)c.Total, StringComparer.Ordinal);
        var disclosure = (await new DisclosureClient(target.As("disclosure", province)).GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest(),
            cancellationToken: cancellationToken)).Counts.ToDictionary(c => c.JurisdictionCode, c => c.Received, StringComparer.Ordinal);
        return new(cases, disclosure);
    }

    public long CasesAdded(CountSnapshot before, string county) => Cases.GetValueOrDefault(county) - before.Cases.GetValueOrDefault(county);

    public long DisclosureAdded(CountSnapshot before, string county) => Disclosure.GetValueOrDefault(county) - before.Disclosure.GetValueOrDefault(county);
}
