using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Reference.V1;

namespace Ducha.Drill.Scenario;

/// <summary>
/// Complaints as people make them, from the drill's seed: a place in one of the province's counties, a polluter, what is
/// wrong, a channel, and (for most) the reporter's name and phone — values the drill later looks for on every public page.
/// </summary>
public sealed class ComplaintMaker(Random random)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "桂兰", "海燕", "伟", "芳", "敏", "静", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞"];
    private static readonly string[] Trades = ["化工", "印染", "电镀", "铸造", "家具", "塑料制品", "砂石", "混凝土搅拌", "养殖", "餐饮"];
    private static readonly string[] Roads = ["人民路", "解放路", "建设路", "工业园路", "新华路", "长江路", "太湖路", "青年路", "胜利路", "滨河路"];

    private static readonly (PollutionType Type, string[] Problems)[] Problems =
    [
        (PollutionType.Air, ["夜间排放刺鼻废气，周边居民无法开窗", "烟囱冒黑烟，废气处理设施长期不开", "露天喷漆，气味很大"]),
        (PollutionType.Water, ["向附近河道直排污水，河水发黑发臭", "雨污管网混接，污水流入小河", "偷偷通过暗管排放废水"]),
        (PollutionType.Noise, ["夜间施工噪声扰民，影响休息", "设备噪声大，昼夜不停"]),
        (PollutionType.SolidWaste, ["危险废物露天堆放，下雨时渗漏", "建筑垃圾随意倾倒在河边"]),
        (PollutionType.Soil, ["厂区地面渗漏，担心污染土壤和地下水"]),
        (PollutionType.Ecology, ["在湿地内违规填土建设"]),
    ];

    private static readonly (Channel Channel, int Weight)[] Channels =
    [
        (Channel.Hotline12369, 40), (Channel.WebApp, 25), (Channel.InspectionPhoneBox, 12), (Channel.MayorMailbox, 8), (Channel.Letter, 6),
        (Channel.InspectionTeam, 5), (Channel.LeaderInstruction, 2), (Channel.UndercoverVisit, 2),
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string PersonName() => Pick(Surnames) + Pick(GivenNames);

    /// <summary>A complaint about <paramref name="county"/>; <paramref name="about"/> repeats an earlier one's polluter and place.</summary>
    public CreateCaseRequest Complaint(Jurisdiction county, string idempotencyKey, CreateCaseRequest? about = null)
    {
        var (type, problems) = Problems[random.Next(Problems.Length)];
        var polluter = about?.Polluter ?? $"{county.Name[..Math.Min(2, county.Name.Length)]}{Pick(Trades)}有限公司{random.Next(1, 99)}号厂";
        var request = new CreateCaseRequest
        {
            JurisdictionCode = county.Code,
            Address = about?.Address ?? $"{county.Name}{Pick(Roads)}{random.Next(1, 999)}号",
            Polluter = polluter,
            PollutionType = about?.PollutionType ?? type,
            Description = $"{polluter}{Pick(problems)}，请尽快查处。",
            Channel = WeightedChannel(),
            IdempotencyKey = idempotencyKey,
        };
        if (random.Next(10) < 8)
            request.Reporter = new Reporter { Name = PersonName(), Phone = $"1{random.Next(30, 99)}{random.Next(10_000_000, 99_999_999)}", Address = $"{county.Name}某小区{random.Next(1, 30)}幢" };
        return request;
    }

    private Channel WeightedChannel()
    {
        var roll = random.Next(Channels.Sum(c => c.Weight));
        foreach (var (channel, weight) in Channels)
        {
            if (roll < weight) return channel;
            roll -= weight;
        }
        return Channel.Hotline12369;
    }
}
