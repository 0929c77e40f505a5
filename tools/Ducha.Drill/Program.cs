using Ducha.Drill;
using Ducha.Drill.Target;

var parsed = DrillCommands.Root().Parse(args);
try
{
    var code = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
    // A refused option (printed with the help) means the drill did not run, as a deployment that will not start it does:
    // exit code 1 is kept for a drill that ran and found something wrong.
    return parsed.Errors.Count > 0 ? 2 : code;
}
catch (Exception e) when (Find<HttpRequestException>(e, http => http.InnerException is System.Net.Sockets.SocketException
    or System.Security.Authentication.AuthenticationException) is { } refused)
{
    // A wrong address, a host not yet started or https to a plain-http port is the operator's everyday mistake: say so, not a stack trace.
    Console.Error.WriteLine(refused.InnerException is System.Security.Authentication.AuthenticationException
        ? "无法与被测部署建立 TLS 连接：该地址是否应为 http:// 而非 https://？"
        : $"无法连接被测部署：{refused.Message}。请确认地址正确、服务已启动。");
    return 2;
}
catch (Exception e) when (Find<DrillSetupException>(e, _ => true) is { } refused)
{
    Console.Error.WriteLine(refused.Message);
    return 2;
}

// The cause may sit under the drill's parallel callers (AggregateException) or a gRPC status (its DebugException).
static T? Find<T>(Exception e, Func<T, bool> match) where T : Exception => e switch
{
    T found when match(found) => found,
    AggregateException many => many.InnerExceptions.Select(inner => Find(inner, match)).FirstOrDefault(found => found is not null),
    Grpc.Core.RpcException { Status.DebugException: { } cause } => Find(cause, match),
    { InnerException: { } inner } => Find(inner, match),
    _ => null,
};
