using System.CommandLine;
using Ducha.Drill;

var root = new RootCommand("督察演练（drill）：以一个省的督察月检验 Ducha — 造数、跑通、核对不变量。")
{
    DrillCommands.Demo(),
    DrillCommands.Run(),
    ChaosCommand.Create(DrillCommands.Province, DrillCommands.Seed, DrillCommands.Callers, DrillCommands.Report),
    Ducha.Drill.Load.LoadCommand.Create(DrillCommands.Address),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (Unreachable(e) is { } refused)
{
    // A wrong address or a host not yet started is the operator's everyday mistake: say so, not a stack trace.
    Console.Error.WriteLine($"无法连接被测部署：{refused.Message}。请确认地址正确、服务已启动。");
    return 2;
}

static System.Net.Http.HttpRequestException? Unreachable(Exception e) => e switch
{
    System.Net.Http.HttpRequestException { InnerException: System.Net.Sockets.SocketException } http => http,
    Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable, Status.DebugException: { } cause } => Unreachable(cause),
    AggregateException many => many.InnerExceptions.Select(Unreachable).FirstOrDefault(found => found is not null),
    { InnerException: { } inner } => Unreachable(inner),
    _ => null,
};
