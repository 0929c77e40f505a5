namespace Ducha.Secondment.Domain.Organization;

/// <summary>Each group's name, and what it does when the level has not worded its duties itself.</summary>
public static class GroupDuties
{
    public static string Name(GroupKind kind) => kind switch
    {
        GroupKind.Leading => "领导小组",
        GroupKind.Coordination => "协调联络组",
        GroupKind.ComprehensivePatrol => "综合巡查组",
        GroupKind.PetitionSupervision => "信访督办组",
        GroupKind.SupervisionDiscipline => "督办监察组",
        _ => kind.ToString(),
    };

    public static IReadOnlyList<string> Default(GroupKind kind) => kind switch
    {
        GroupKind.Leading => ["统一领导督察工作，研究决定督察重大事项"],
        GroupKind.Coordination => ["负责督察工作的组织协调和联络，沟通各工作组及有关部门"],
        GroupKind.ComprehensivePatrol => ["制定并组织实施督察巡查计划", "审核督察材料", "起草督察反馈意见"],
        GroupKind.PetitionSupervision => ["登记信访件", "交办信访件", "督办信访件办理", "核实信访件办理情况"],
        GroupKind.SupervisionDiscipline => ["受理综合巡查组、信访督办组提出的监察申请", "对办理迟缓、逾期未办结、处置不力的问题进行督办", "检查问责落实情况"],
        _ => [],
    };
}
