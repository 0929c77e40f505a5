using Ducha.Cases.Domain;

namespace Ducha.Cases.Open311;

/// <summary>
/// What can be reported through Open311: one service per pollution type, each taking the same attributes. The codes
/// are the API's contract with other systems, so they are spelled out here rather than derived from enum names.
/// </summary>
internal static class Open311Catalogue
{
    public const string Notice = "您反映的问题已受理，将依法依规转办、办理并限期办结；可凭 service_request_id 查询办理进度。";
    public const string Polluting = "环境污染";

    public sealed record Service(string Code, PollutionType Type, string Name, string Description, string Keywords, string Group);

    public static readonly IReadOnlyList<Service> Services =
    [
        new("air", PollutionType.Air, "大气污染", "工业废气、烟尘粉尘、异味恶臭、餐饮油烟、露天焚烧、施工扬尘等", "废气,异味,扬尘,油烟,焚烧", Polluting),
        new("water", PollutionType.Water, "水污染", "废水偷排漏排、私设排污口、黑臭水体、饮用水水源污染等", "废水,污水,排污口,黑臭水体", Polluting),
        new("noise", PollutionType.Noise, "噪声污染", "工业、建筑施工、社会生活和交通运输噪声扰民等", "噪声,夜间施工,扰民", Polluting),
        new("soil", PollutionType.Soil, "土壤污染", "土壤污染、污染地块违规开发、农用地污染等", "土壤,污染地块,重金属", Polluting),
        new("solid_waste", PollutionType.SolidWaste, "固体废物和危险废物污染", "固体废物非法倾倒、危险废物非法转移处置、垃圾违规堆放填埋等",
            "固废,危废,倾倒,填埋,垃圾", Polluting),
        new("ecology", PollutionType.Ecology, "生态破坏", "非法采砂采矿、毁林占地、破坏自然保护地和湿地、侵占河湖岸线等", "采砂,采矿,毁林,自然保护地,湿地,岸线", "生态破坏"),
        new("other", PollutionType.Other, "其他生态环境问题", "以上类别以外的生态环境问题", "其他", "其他"),
    ];

    public static Service? Find(string? code) => Services.FirstOrDefault(s => s.Code == code);

    public static Service Of(PollutionType type) => Services.First(s => s.Type == type);

    /// <summary>Intake channels as attribute[channel] keys; an Open311 client that names none is a web or app client.</summary>
    public static readonly IReadOnlyList<(string Key, Channel Channel, string Name)> Channels =
    [
        ("inspection_team", Channel.InspectionTeam, "督察组交办"),
        ("hotline_12369", Channel.Hotline12369, "12369 环保热线"),
        ("mayor_mailbox", Channel.MayorMailbox, "市长信箱"),
        ("inspection_phone_box", Channel.InspectionPhoneBox, "督察举报电话、信箱"),
        ("letter", Channel.Letter, "来信"),
        ("web_app", Channel.WebApp, "网站、APP、微信"),
        ("media_exposure", Channel.MediaExposure, "媒体曝光"),
        ("leader_instruction", Channel.LeaderInstruction, "领导批示"),
        ("undercover_visit", Channel.UndercoverVisit, "暗访"),
    ];

    public const string DefaultChannel = "web_app";

    public static class Attributes
    {
        public const string JurisdictionCode = "jurisdiction_code", Polluter = "polluter", Channel = "channel", IdempotencyKey = "idempotency_key";
    }

    /// <summary>Every service takes the same attributes: the case record does not vary by pollution type.</summary>
    public static ServiceDefinitionView Definition(Service service) => new(service.Code,
    [
        new(true, Attributes.JurisdictionCode, "string", false, "6 位行政区划代码（GB/T 2260），如 320505；不填则为调用方所属辖区", 1,
            "问题发生地所在的行政区划", []),
        new(true, Attributes.Polluter, "string", false, "不超过 200 字", 2, "被举报的单位或个人名称", []),
        new(true, Attributes.Channel, "singlevaluelist", false, $"取值见 values；不填则为 {DefaultChannel}（网站、APP、微信）", 3,
            "投诉举报的受理渠道", [.. Channels.Select(c => new AttributeValueView(c.Key, c.Name))]),
        new(true, Attributes.IdempotencyKey, "string", false, "不超过 100 字；也可用 Idempotency-Key 请求头", 4,
            "幂等键：重发同一投诉时使用相同的值，返回首次受理的同一案件，不重复立案", []),
    ]);

    public static ServiceView ToView(this Service s) => new(s.Code, s.Name, s.Description, true, "realtime", s.Keywords, s.Group);
}
