using Ducha.Contracts.Disclosure.V1;
using Ducha.Drill.Target;
using Grpc.Core;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Drill.Scenario;

/// <summary>
/// 信息公开 on its rhythm: the province publishes twice a week (Monday and Thursday), each city every three days; the
/// bulletin watch drafts them and the offices publish the drafts due — a draft the screening refuses stays a draft and
/// the refusal is recorded.
/// </summary>
public sealed class BulletinWork(DrillTarget target, ProvinceMap map, DrillLedger ledger)
{
    private IEnumerable<string> Offices => [map.Province.Code, .. map.Cities.Select(c => c.Code)];

    public async Task SetCadencesAsync(DateOnly start, CancellationToken cancellationToken)
    {
        foreach (var code in Offices)
        {
            var request = new SetBulletinCadenceRequest { JurisdictionCode = code, StartDate = WorkingDays.Text(start) };
            if (code == map.Province.Code) { request.Kind = CadenceKind.Weekdays; request.Weekdays.Add([1, 4]); }
            else { request.Kind = CadenceKind.EveryDays; request.EveryDays = 3; }
            await Client(code).SetBulletinCadenceAsync(request, cancellationToken: cancellationToken);
            ledger.Count("SetBulletinCadence");
        }
    }

    /// <summary>Every office publishes the drafts it has.</summary>
    public async Task PublishDraftsAsync(CancellationToken cancellationToken)
    {
        foreach (var code in Offices)
        {
            var client = Client(code);
            var drafts = await client.ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = code, State = BulletinState.Draft, PageSize = 200 },
                cancellationToken: cancellationToken);
            foreach (var draft in drafts.Bulletins.Where(b => b.JurisdictionCode == code))
            {
                try
                {
                    await client.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id }, cancellationToken: cancellationToken);
                    ledger.Count("PublishBulletin");
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    ledger.Count("PublishBulletin refused");
                }
            }
        }
    }

    private DisclosureClient Client(string code) => new(target.As("disclosure", Person.Office(code)));
}
