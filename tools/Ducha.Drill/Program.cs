using System.CommandLine;
using Ducha.Drill;

var root = new RootCommand("督察演练（drill）：以一个省的督察月检验 Ducha — 造数、跑通、核对不变量。")
{
    DrillCommands.Demo(),
    DrillCommands.Run(),
    ChaosCommand.Create(DrillCommands.Province, DrillCommands.Seed, DrillCommands.Callers, DrillCommands.Report),
    Ducha.Drill.Load.LoadCommand.Create(DrillCommands.Address),
};
return await root.Parse(args).InvokeAsync();
